using Academy.Exemplars.Data;
using Academy.Exemplars.Funding;
using Academy.Exemplars.Programmes;
using Academy.Theme.Nhs.Forms;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Programmes;

/// An administrator adds a trust to a programme: one the site knows already, or a new one by its ODS code, name
/// and region; with its allocation and, where the programme asks for one, its international partner.
[Authorize(Policy = Policies.Administrator)]
public sealed class AddTrustModel(ExemplarsDbContext db) : PageModel
{
    /// The ODS code of a trust the site knows, or "" for a new one.
    [BindProperty] public string? TrustOdsCode { get; set; }
    [BindProperty, MaxChars(5, "The ODS code")] public string? NewOdsCode { get; set; }
    [BindProperty, MaxChars(200, "The name")] public string? NewName { get; set; }
    [BindProperty, MaxChars(100, "The region")] public string? NewRegion { get; set; }
    [BindProperty] public string? Allocation { get; set; }
    [BindProperty, MaxChars(200, "The partner")] public string? PartnerOrganisation { get; set; }
    [BindProperty(SupportsGet = true)] public bool Created { get; set; }

    public Programme Programme { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> TrustOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Created = false;
        await this.ThrowIfInvalidAsync(new Validator(db), cancellationToken);

        var trust = string.IsNullOrEmpty(TrustOdsCode)
            ? db.Trusts.Add(new Trust { OdsCode = NewTrustOdsCode, Name = NewName!.Trim(), Region = NewRegion!.Trim() }).Entity
            : await db.Trusts.SingleAsync(t => t.OdsCode == TrustOdsCode, cancellationToken);
        db.Participations.Add(new Participation
        {
            ProgrammeId = Programme.Id, Trust = trust, Allocation = Input.ParseMoney(Allocation, AllocationName).Amount!.Value,
            PartnerOrganisation = string.IsNullOrWhiteSpace(PartnerOrganisation) ? null : PartnerOrganisation.Trim(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator added the same trust (or the same new ODS code) a moment ago: nothing was saved.
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            throw FormValidation.Problem(string.IsNullOrEmpty(TrustOdsCode) ? nameof(NewOdsCode) : nameof(TrustOdsCode), "This trust was added meanwhile: check the programme's trusts");
        }
        return RedirectToPage("/Trusts/Trust", new { odsCode = trust.OdsCode });
    }

    private const string AllocationName = "the allocation";

    private string NewTrustOdsCode => NewOdsCode?.Trim().ToUpperInvariant() ?? "";

    public sealed class Validator : AbstractValidator<AddTrustModel>
    {
        public Validator(ExemplarsDbContext db)
        {
            When(p => !string.IsNullOrEmpty(p.TrustOdsCode), () =>
                RuleFor(p => p.TrustOdsCode).Must((p, ods) => p.TrustOptions.Any(o => o.Value == ods)).WithMessage("Select a trust from the list"));
            When(p => string.IsNullOrEmpty(p.TrustOdsCode), () =>
            {
                RuleFor(p => p.NewTrustOdsCode).Cascade(CascadeMode.Stop)
                    .NotEmpty().WithMessage("Select a trust from the list, or enter the ODS code of a new one")
                    .Must(ods => ProgrammeRules.OdsCodePattern().IsMatch(ods)).WithMessage("Enter an ODS code of 3 to 5 letters and numbers, like RTH")
                    .MustAsync(async (ods, ct) => !await db.Trusts.AnyAsync(t => t.OdsCode == ods, ct))
                    .WithMessage(p => $"A trust with the ODS code {p.NewTrustOdsCode} is already on the site: select it from the list")
                    .OverridePropertyName(nameof(NewOdsCode));
                RuleFor(p => p.NewName).NotEmpty().WithMessage("Enter the name of the trust");
                RuleFor(p => p.NewRegion).NotEmpty().WithMessage("Enter the region of the trust");
            });
            RuleFor(p => p.Allocation).Custom((text, context) =>
            {
                var (amount, problem) = Input.ParseMoney(text, AllocationName);
                if ((problem ?? FundingRules.AllocationProblem(context.InstanceToValidate.Programme, amount!.Value)) is { } message) context.AddFailure(message);
            });
            RuleFor(p => p.PartnerOrganisation).Custom((partner, context) =>
            {
                if (FundingRules.PartnerProblem(context.InstanceToValidate.Programme, partner) is { } message) context.AddFailure(message);
            });
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (programme is null) return false;
        Programme = programme;
        var available = await db.Trusts.AsNoTracking().Where(t => !t.Participations.Any(p => p.ProgrammeId == id))
            .OrderBy(t => t.Name).Select(t => new { t.OdsCode, t.Name }).ToListAsync(cancellationToken);
        TrustOptions = [new("A new trust (enter its details below)", ""), .. available.Select(t => new SelectListItem($"{t.Name} ({t.OdsCode})", t.OdsCode))];
        return true;
    }
}
