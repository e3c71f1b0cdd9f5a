using Academy.Theme.Nhs.Forms;
using Academy.Exemplars.Data;
using Academy.Exemplars.Funding;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Claims;

[Authorize(Policy = ExemplarAccess.TrackerPolicy)]
public sealed class ClaimModel(ExemplarsDbContext db, ClaimDecisions decisions) : PageModel
{
    [BindProperty] public string? Decision { get; set; }
    [BindProperty, MaxChars(4000, "The comment")] public string? Comment { get; set; }
    public Claim Claim { get; private set; } = default!;
    public bool CanDecide { get; private set; }
    public static readonly IReadOnlyList<(string, string)> Options = [("Approve", "Approve the claim"), ("Reject", "Reject the claim")];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!User.CanReview()) return Forbid();
        if (Decision is not ("Approve" or "Reject")) ModelState.AddModelError(nameof(Decision), "Select whether to approve or reject the claim");
        if (Decision == "Reject" && string.IsNullOrWhiteSpace(Comment)) ModelState.AddModelError(nameof(Comment), "Enter the reason for rejecting the claim");
        if (!ModelState.IsValid) return Page();

        var outcome = await decisions.DecideAsync(id, Decision == "Approve", User.Email(), Comment?.Trim() ?? "", cancellationToken);
        switch (outcome)
        {
            case ClaimOutcome.AlreadyDecided:
                ModelState.AddModelError(nameof(Decision), "This claim has already been decided");
                break;
            case ClaimOutcome.OverAllocation:
                ModelState.AddModelError(nameof(Decision), "Approving this claim would take approved claims past the allocation: reject it or ask for a smaller claim");
                break;
            case ClaimOutcome.NotFound:
                return NotFound();
            default:
                return RedirectToPage("/Claims/Claim", new { id });
        }
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.AsNoTracking().Include(c => c.Milestone).Include(c => c.Participation).ThenInclude(p => p.Trust)
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null || !User.CanRead(claim.Participation.Trust)) return false;
        Claim = claim;
        CanDecide = User.CanReview() && claim.Status == ClaimStatus.Submitted;
        return true;
    }
}
