using Academy.Theme.Nhs.Forms;
using Academy.Exemplars.Data;
using Academy.Exemplars.Funding;
using FluentValidation;
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
        await this.ThrowIfInvalidAsync(new Validator(), cancellationToken);

        // ClaimDecisions checks the decision again as it saves, against figures another reviewer may have just changed. A
        // refusal there is the claim's state, not the form's: the page shows it with 200 (ClaimTests pins that for the race).
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

    public sealed class Validator : AbstractValidator<ClaimModel>
    {
        public Validator()
        {
            RuleFor(p => p.Decision).Must(d => d is "Approve" or "Reject").WithMessage("Select whether to approve or reject the claim");
            When(p => p.Decision == "Reject", () => RuleFor(p => p.Comment).NotEmpty().WithMessage("Enter the reason for rejecting the claim"));
        }
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
