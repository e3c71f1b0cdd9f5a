using Academy.Exemplars.Data;
using Academy.Exemplars.Funding;
using Academy.Theme.Nhs.Forms;
using FluentValidation;
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
        await this.ThrowIfInvalidAsync(new Validator(), cancellationToken);

        var claim = new Claim { ParticipationId = id, MilestoneId = int.Parse(MilestoneId!, Format.EnGb), Amount = Input.ParseMoney(Amount, AmountName).Amount!.Value, Status = ClaimStatus.Submitted, ClaimedBy = User.Email(), ClaimedAt = clock.GetUtcNow() };
        db.Claims.Add(claim);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Claims/Claim", new { id = claim.Id });
    }

    private const string AmountName = "the amount";

    public sealed class Validator : AbstractValidator<NewClaimModel>
    {
        public Validator()
        {
            // Only this participation's achieved milestones are offered; any other id (another trust's) is refused.
            RuleFor(p => p.MilestoneId).Must((p, id) => int.TryParse(id, out _) && p.MilestoneOptions.Any(o => o.Value == id))
                .WithMessage("Select an achieved milestone from the list");
            RuleFor(p => p.Amount).Custom((text, context) =>
            {
                var (amount, problem) = Input.ParseMoney(text, AmountName);
                if ((problem ?? (amount == 0 ? "Enter an amount more than £0.00" : FundingRules.ClaimProblem(context.InstanceToValidate.Participation, amount!.Value)))
                    is { } message) context.AddFailure(message);
            });
        }
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
