using Academy.Theme.Nhs.Forms;
using Microsoft.AspNetCore.Http;
using Academy.Exemplars.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Academy.Exemplars.Lessons;

namespace Academy.Exemplars.Pages.Lessons;

/// The trust lead changes their trust's lesson while it is a draft. A published lesson is locked (409, as a
/// submitted return is): others may have read, searched or linked it, so it says what it said when published.
/// Drafts are not in the search index, so saving one leaves the index alone; the audit trail records each changed field.
[Authorize(Policy = Policies.TrustLead)]
public sealed class EditLessonModel(ExemplarsDbContext db) : LessonFormPage
{
    public Lesson Lesson { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        Fill(Lesson);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        await this.ThrowIfInvalidAsync(new LessonFormValidator(), cancellationToken, StatusCodes.Status200OK);
        Apply(Lesson);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Lessons/Lesson", new { id });
    }

    /// Another trust's lesson is "not found", as on the lesson's page (the id is the address's: the host binds route values first).
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var lesson = await db.FindReadableLessonAsync(User, id, cancellationToken, tracked: true);
        if (lesson is null || !User.IsOwner(lesson)) return NotFound();
        if (!lesson.IsEditable()) return StatusCode(409);
        Lesson = lesson;
        await LoadMilestoneOptionsAsync(db, lesson.Participation.TrustId, cancellationToken);
        return null;
    }
}
