using Academy.Exemplars.Data;
using Academy.Theme.Nhs.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Lessons;

/// A trust lead drafts a lesson for their own trust; it is published from its page.
[Authorize(Policy = Policies.TrustLead)]
public sealed class NewLessonModel(ExemplarsDbContext db) : LessonFormPage
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } participation) return NotFound();
        var lesson = new Lesson { ParticipationId = participation.Id, Status = LessonStatus.Draft, Author = User.Email() };
        await this.ThrowIfInvalidAsync(new LessonFormValidator(), cancellationToken);
        Apply(lesson);
        db.Lessons.Add(lesson);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Lessons/Lesson", new { id = lesson.Id });
    }

    /// The lead's own trust's (first) participation: a lesson belongs to the lead's trust, never one named in the form.
    private async Task<Participation?> LoadAsync(CancellationToken cancellationToken)
    {
        var ods = User.TrustOdsCode();
        var participation = await db.Participations.AsNoTracking().Include(p => p.Trust).Where(p => p.Trust.OdsCode == ods).OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        if (participation is null) return null;
        await LoadMilestoneOptionsAsync(db, participation.TrustId, cancellationToken);
        return participation;
    }
}
