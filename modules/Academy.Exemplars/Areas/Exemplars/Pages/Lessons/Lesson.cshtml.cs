using Academy.Exemplars.Data;
using Academy.Exemplars.Lessons;
using Academy.Exemplars.Tracking;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

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
        if (!await LoadAsync(id, cancellationToken) || !User.CanWrite(Lesson.Participation.Trust)) return NotFound();
        if (Lesson.Status == LessonStatus.Published) return Redirect($"/exemplars/lessons/{id}");
        var tracked = await db.Lessons.SingleAsync(l => l.Id == id, cancellationToken);
        tracked.Status = LessonStatus.Published;
        tracked.PublishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        (Lesson.Status, Lesson.PublishedAt) = (tracked.Status, tracked.PublishedAt);
        await index.IndexAsync(Lesson, cancellationToken);
        return Redirect($"/exemplars/lessons/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var lesson = await db.Lessons.AsNoTracking().Include(l => l.Milestone).Include(l => l.Participation).ThenInclude(p => p.Trust)
            .Include(l => l.Participation).ThenInclude(p => p.Programme).SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (lesson is null || (lesson.Status != LessonStatus.Published && !User.CanWrite(lesson.Participation.Trust))) return false;
        Lesson = lesson;
        CanPublish = lesson.Status == LessonStatus.Draft && User.CanWrite(lesson.Participation.Trust);
        return true;
    }
}
