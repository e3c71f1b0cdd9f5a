using Microsoft.AspNetCore.Http;
using Academy.Exemplars.Data;
using Academy.Exemplars.Programmes;
using Academy.Theme.Nhs.Forms;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Exemplars.Pages.Programmes;

/// An administrator sets up a programme, so that a site set up today can run a live one (the starter content's
/// programmes ended in 2020). A programme that asks each trust for an international partner is a global
/// exemplar programme (its trusts can be learned from); one that does not is a national one (its trusts can
/// be paired with a global exemplar).
[Authorize(Policy = Policies.Administrator)]
public sealed class NewProgrammeModel(ExemplarsDbContext db) : PageModel
{
    [BindProperty, MaxChars(200, "The name")] public string? Name { get; set; }
    [BindProperty, MaxChars(2000, "The description")] public string? Description { get; set; }
    [BindProperty] public string? CapPerTrust { get; set; }
    [BindProperty] public string? PartnerRequired { get; set; }
    [BindProperty] public string? StartDate { get; set; }
    [BindProperty] public string? EndDate { get; set; }
    [BindProperty] public string? ReportingPeriodMonths { get; set; } = "3";

    public static readonly IReadOnlyList<(string, string)> PartnerOptions =
        [("yes", "Yes, each trust has an international partner"), ("no", "No")];
    public static IReadOnlyList<(string, string)> PeriodOptions { get; } =
        ProgrammeRules.PeriodLengths.Select(m => (m.ToString(Format.EnGb), m == 1 ? "Every month" : $"Every {m} months")).ToList();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await this.ThrowIfInvalidAsync(new Validator(), cancellationToken, StatusCodes.Status200OK);

        var partner = PartnerRequired == "yes";
        var programme = new Programme
        {
            Slug = await ProgrammeRules.NewSlugAsync(db, Name!, cancellationToken), Name = Name!.Trim(), Description = Description?.Trim() ?? "",
            Kind = partner ? ProgrammeKind.GlobalDigitalExemplar : ProgrammeKind.NationalExemplar,
            CapPerTrust = Input.ParseMoney(CapPerTrust, CapName).Amount!.Value, PartnerRequired = partner,
            StartDate = Input.ParseDate(StartDate, StartName).Date!.Value, EndDate = Input.ParseDate(EndDate, EndName).Date!.Value, ReportingPeriodMonths = Months!.Value,
        };
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Programmes/AddTrust", new { id = programme.Id, created = "true" });
    }

    private const string CapName = "the funding cap per trust", StartName = "the start date", EndName = "the end date";

    private int? Months => int.TryParse(ReportingPeriodMonths, out var m) && ProgrammeRules.PeriodLengths.Contains(m) ? m : null;

    public sealed class Validator : AbstractValidator<NewProgrammeModel>
    {
        public Validator()
        {
            RuleFor(p => p.Name).NotEmpty().WithMessage("Enter the name of the programme");
            RuleFor(p => p.CapPerTrust).Custom((text, context) =>
            {
                var (cap, problem) = Input.ParseMoney(text, CapName);
                if ((problem ?? (cap == 0 ? "Enter a funding cap per trust more than £0.00" : null)) is { } message) context.AddFailure(message);
            });
            RuleFor(p => p.PartnerRequired).Must(answer => answer is "yes" or "no").WithMessage("Select whether each trust needs an international partner");
            RuleFor(p => p.StartDate).Custom((text, context) =>
            {
                if (Input.ParseDate(text, StartName).Problem is { } message) context.AddFailure(message);
            });
            RuleFor(p => p.EndDate).Custom((text, context) =>
            {
                var (end, problem) = Input.ParseDate(text, EndName);
                var start = Input.ParseDate(context.InstanceToValidate.StartDate, StartName).Date;
                if ((problem ?? (end <= start ? "The end date must be after the start date" : null)) is { } message) context.AddFailure(message);
            });
            RuleFor(p => p.Months).NotNull().WithMessage("Select how often trusts send a return").OverridePropertyName(nameof(ReportingPeriodMonths));
        }
    }
}
