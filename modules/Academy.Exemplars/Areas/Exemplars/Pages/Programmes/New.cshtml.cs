using Academy.Exemplars.Data;
using Academy.Exemplars.Programmes;
using Academy.Theme.Nhs.Forms;
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
        if (string.IsNullOrWhiteSpace(Name)) ModelState.AddModelError(nameof(Name), "Enter the name of the programme");
        var cap = Input.Money(ModelState, nameof(CapPerTrust), CapPerTrust, "the funding cap per trust");
        if (cap == 0) ModelState.AddModelError(nameof(CapPerTrust), "Enter a funding cap per trust more than £0.00");
        if (PartnerRequired is not ("yes" or "no")) ModelState.AddModelError(nameof(PartnerRequired), "Select whether each trust needs an international partner");
        var start = Input.Date(ModelState, nameof(StartDate), StartDate, "the start date");
        var end = Input.Date(ModelState, nameof(EndDate), EndDate, "the end date");
        if (start is { } s && end is { } e && e <= s) ModelState.AddModelError(nameof(EndDate), "The end date must be after the start date");
        var months = int.TryParse(ReportingPeriodMonths, out var m) && ProgrammeRules.PeriodLengths.Contains(m) ? m : (int?)null;
        if (months is null) ModelState.AddModelError(nameof(ReportingPeriodMonths), "Select how often trusts send a return");
        if (!ModelState.IsValid) return Page();

        var partner = PartnerRequired == "yes";
        var programme = new Programme
        {
            Slug = await ProgrammeRules.NewSlugAsync(db, Name!, cancellationToken), Name = Name!.Trim(), Description = Description?.Trim() ?? "",
            Kind = partner ? ProgrammeKind.GlobalDigitalExemplar : ProgrammeKind.NationalExemplar,
            CapPerTrust = cap!.Value, PartnerRequired = partner, StartDate = start!.Value, EndDate = end!.Value, ReportingPeriodMonths = months!.Value,
        };
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Programmes/AddTrust", new { id = programme.Id, created = "true" });
    }
}
