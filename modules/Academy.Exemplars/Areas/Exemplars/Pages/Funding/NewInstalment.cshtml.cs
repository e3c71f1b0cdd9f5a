using Academy.Theme.Nhs.Forms;
using Academy.Exemplars.Data;
using Academy.Exemplars.Funding;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Funding;

/// An administrator plans the allocation in instalments: upfront, or released when a milestone is achieved.
[Authorize(Policy = Policies.Administrator)]
public sealed class NewInstalmentModel(ExemplarsDbContext db) : PageModel
{
    [BindProperty, MaxChars(500, "The description")] public string? Description { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? MilestoneId { get; set; }
    public Participation Participation { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> MilestoneOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var planned = await db.Instalments.Where(i => i.ParticipationId == id).SumAsync(i => i.Amount, cancellationToken);
        await this.ThrowIfInvalidAsync(new Validator(planned), cancellationToken);

        db.Instalments.Add(new Instalment { ParticipationId = id, Description = Description!.Trim(), Amount = Input.ParseMoney(Amount, AmountName).Amount!.Value,
            MilestoneId = string.IsNullOrEmpty(MilestoneId) ? null : int.Parse(MilestoneId, Format.EnGb) });
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Trusts/Trust", new { odsCode = Participation.Trust.OdsCode });
    }

    private const string AmountName = "the amount";

    /// planned: what the participation's instalments add up to already.
    public sealed class Validator : AbstractValidator<NewInstalmentModel>
    {
        public Validator(decimal planned)
        {
            RuleFor(p => p.Description).NotEmpty().WithMessage("Enter a description");
            RuleFor(p => p.Amount).Custom((text, context) =>
            {
                var (amount, problem) = Input.ParseMoney(text, AmountName);
                if ((problem ?? (amount == 0 ? "Enter an amount more than £0.00" : FundingRules.InstalmentProblem(context.InstanceToValidate.Participation, planned, amount!.Value)))
                    is { } message) context.AddFailure(message);
            });
            RuleFor(p => p.MilestoneId).Must((p, id) => string.IsNullOrEmpty(id) || (int.TryParse(id, out _) && p.MilestoneOptions.Any(o => o.Value == id)))
                .WithMessage("Select a milestone from the list");
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var p = await db.Participations.AsNoTracking().Include(x => x.Trust).SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (p is null) return false;
        Participation = p;
        MilestoneOptions = [new("Upfront (no milestone)", ""), .. await db.Milestones.AsNoTracking().Where(m => m.ParticipationId == id)
            .OrderBy(m => m.BaselineDate).Select(m => new SelectListItem(m.Title, m.Id.ToString())).ToListAsync(cancellationToken)];
        return true;
    }
}
