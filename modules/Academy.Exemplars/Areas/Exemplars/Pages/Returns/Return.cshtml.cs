using Academy.Exemplars.Data;
using Academy.Exemplars.Tracking;
using Academy.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Returns;

[Authorize(Roles = ExemplarAccess.TrackerRoles)]
public sealed class ReturnModel(ExemplarsDbContext db, IEmailOutbox outbox, ReturnNotices notices, TimeProvider clock) : PageModel
{
    public ProgressReturn Return { get; private set; } = default!;
    public bool CanEdit { get; private set; }
    public bool CanReview { get; private set; }
    public IReadOnlyList<Benefit> Benefits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, tracked: false, cancellationToken) ? Page() : NotFound();

    /// Submitting checks the return is complete, applies its milestone updates to the milestones and
    /// tells the reviewers, all in one transaction.
    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, tracked: true, cancellationToken)) return NotFound();
        if (!CanEdit) return StatusCode(409);
        var r = Return;
        if (string.IsNullOrWhiteSpace(r.NarrativeMarkdown)) ModelState.AddModelError("", "Add a progress narrative before submitting the return");
        if (new[] { r.TimeRag, r.BudgetRag, r.ScopeQualityRag, r.RiskRag, r.BenefitsRag }.Any(x => x is null))
            ModelState.AddModelError("", "Give a RAG rating for time, budget, scope and quality, risk and benefits before submitting the return");
        if (r.DeliveryConfidence is null) ModelState.AddModelError("", "Give an overall delivery confidence before submitting the return");
        if (!ModelState.IsValid) return Page();

        foreach (var update in r.MilestoneUpdates)
        {
            update.Milestone.ForecastDate = update.ForecastDate;
            update.Milestone.Status = update.Status;
        }
        r.Status = ReturnStatus.Submitted;
        r.SubmittedBy = User.Email();
        r.SubmittedAt = clock.GetUtcNow();
        await outbox.SaveChangesWithEmailAsync(db, await notices.SubmittedAsync(r, cancellationToken), cancellationToken);
        return Redirect($"/exemplars/returns/{id}");
    }

    private async Task<bool> LoadAsync(int id, bool tracked, CancellationToken cancellationToken)
    {
        var found = await db.FindReadableAsync(User, id, cancellationToken, tracked);
        if (found is null) return false;
        var query = tracked ? db.Returns : db.Returns.AsNoTracking();
        Return = await query.Include(r => r.Participation).ThenInclude(p => p.Trust).Include(r => r.Participation).ThenInclude(p => p.Programme)
            .Include(r => r.MilestoneUpdates).ThenInclude(u => u.Milestone).Include(r => r.Risks).Include(r => r.Measurements).ThenInclude(m => m.Benefit)
            .AsSplitQuery().SingleAsync(r => r.Id == id, cancellationToken);
        CanEdit = User.CanWrite(Return.Participation.Trust) && Return.IsEditable();
        CanReview = User.CanReview() && Return.Status == ReturnStatus.Submitted;
        return true;
    }
}
