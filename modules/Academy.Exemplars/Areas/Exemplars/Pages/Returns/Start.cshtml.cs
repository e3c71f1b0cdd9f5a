using Academy.Exemplars.Data;
using Academy.Exemplars.Programmes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Returns;

/// Starts (or reopens) the draft return for one reporting period.
[Authorize(Policy = ExemplarAccess.TrackerPolicy)]
public sealed class StartReturnModel(ExemplarsDbContext db) : PageModel
{
    [BindProperty] public string? PeriodStart { get; set; }

    public IActionResult OnGet(int participationId) => NotFound();

    public async Task<IActionResult> OnPostAsync(int participationId, CancellationToken cancellationToken)
    {
        var participation = await db.Participations.AsNoTracking().Include(p => p.Trust).Include(p => p.Programme)
            .SingleOrDefaultAsync(p => p.Id == participationId, cancellationToken);
        if (participation is null || !User.CanWrite(participation.Trust)) return NotFound();
        // The period comes from the button of a period the trust page lists, never typed: any other value is a bad request.
        var start = Input.ParseDate(PeriodStart, "the period").Date;
        if (start is null || ReportingPeriods.Find(participation.Programme, start.Value) is not { } period) return BadRequest();

        var existing = await db.Returns.Where(r => r.ParticipationId == participationId && r.PeriodStart == period.Start).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } id) return RedirectToPage("/Returns/Return", new { id });
        var created = new ProgressReturn { ParticipationId = participationId, PeriodStart = period.Start, PeriodEnd = period.End, DueDate = period.Due, Status = ReturnStatus.Draft };
        db.Returns.Add(created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone started the same period at the same moment (the unique index): open theirs.
            db.ChangeTracker.Clear();
            var theirs = await db.Returns.Where(r => r.ParticipationId == participationId && r.PeriodStart == period.Start).Select(r => r.Id).SingleAsync(cancellationToken);
            return RedirectToPage("/Returns/Return", new { id = theirs });
        }
        return RedirectToPage("/Returns/Return", new { id = created.Id });
    }
}
