using Academy.Exemplars.Data;
using Academy.Exemplars.Funding;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Claims;

/// A trust lead claims a drawdown against one of the trust's achieved milestones.
[Authorize(Policy = ExemplarAccess.TrackerPolicy)]
public sealed class NewClaimModel(ExemplarsDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public string? MilestoneId { get; set; }
    [BindProperty] public string? Amount { get; set; }
    public Participation Participation { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> MilestoneOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        // Only this participation's achieved milestones are offered; any other id (another trust's) is refused.
        int? milestoneId = int.TryParse(MilestoneId, out var mid) && MilestoneOptions.Any(o => o.Value == MilestoneId) ? mid : null;
        if (milestoneId is null) ModelState.AddModelError(nameof(MilestoneId), "Select an achieved milestone from the list");
        var amount = Input.Money(ModelState, nameof(Amount), Amount, "the amount");
        if (amount == 0) ModelState.AddModelError(nameof(Amount), "Enter an amount more than £0.00");
        if (amount is { } asked && FundingRules.ClaimProblem(Participation, asked) is { } problem) ModelState.AddModelError(nameof(Amount), problem);
        if (!ModelState.IsValid) return Page();

        var claim = new Claim { ParticipationId = id, MilestoneId = milestoneId!.Value, Amount = amount!.Value, Status = ClaimStatus.Submitted, ClaimedBy = User.Email(), ClaimedAt = clock.GetUtcNow() };
        db.Claims.Add(claim);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Claims/Claim", new { id = claim.Id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var p = await db.Participations.AsNoTracking().Include(x => x.Trust).SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (p is null || !User.CanWrite(p.Trust)) return false;
        Participation = p;
        MilestoneOptions = [new("Select a milestone", ""), .. await db.Milestones.AsNoTracking().Where(m => m.ParticipationId == id && m.Status == MilestoneStatus.Achieved)
            .OrderBy(m => m.BaselineDate).Select(m => new SelectListItem(m.Title, m.Id.ToString())).ToListAsync(cancellationToken)];
        return true;
    }
}
