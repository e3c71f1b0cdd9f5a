using Academy.Exemplars.Data;
using Academy.Exemplars.Lessons;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Exemplars.Pages.Lessons;

/// A published lesson is for every signed-in person; a draft only for its trust's lead.
[Authorize(Policy = Policies.SignedIn)]
public sealed class LessonModel(ExemplarsDbContext db, LessonIndex index, TimeProvider clock) : PageModel
{
    public Lesson Lesson { get; private set; } = default!;
    public bool CanPublish { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.FindReadableLessonAsync(User, id, cancellationToken, tracked: true) is not { } lesson || !User.IsOwner(lesson)) return NotFound();
        if (!lesson.IsEditable()) return RedirectToPage("/Lessons/Lesson", new { id });
        LessonRules.Publish(lesson, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await index.IndexAsync(lesson, cancellationToken);
        return RedirectToPage("/Lessons/Lesson", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.FindReadableLessonAsync(User, id, cancellationToken) is not { } lesson) return false;
        Lesson = lesson;
        CanPublish = lesson.IsEditable() && User.IsOwner(lesson);
        return true;
    }
}
