using Academy.Web;
using Academy.Exemplars.Data;
using Academy.Exemplars.Milestones;
using Academy.Exemplars.Reporting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Portfolio;

[Authorize(Policy = Policies.NationalReviewer)]
public sealed class PortfolioModel(Reporting.Portfolio portfolio, ExemplarsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Programme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Capability { get; set; }
    public PortfolioView View { get; private set; } = default!;
    public IReadOnlyList<MilestoneTrendPoint> MilestoneTrend { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ProgrammeOptions { get; private set; } = [];
    /// The programme the filter chose, whose own dates the milestone chart covers.
    public Programme? SelectedProgramme { get; private set; }
    public IReadOnlyList<SelectListItem> RegionOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> CapabilityOptions { get; } =
        [new("All capability areas", ""), .. Enum.GetValues<CapabilityArea>().Select(a => new SelectListItem(Format.Name(a), a.ToString()))];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        View = await portfolio.ReadAsync(Filter(), cancellationToken);
        MilestoneTrend = await portfolio.MilestoneTrendAsync(Filter(), cancellationToken);
        if (!string.IsNullOrEmpty(Programme))
            SelectedProgramme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == Programme, cancellationToken);
        ProgrammeOptions = [new("All programmes", ""), .. View.Programmes.Select(p => new SelectListItem(p.Name, p.Slug))];
        RegionOptions = [new("All regions", ""), .. View.Regions.Select(r => new SelectListItem(r, r))];
    }

    /// table=portfolio (one line per exemplar), spend (the spend chart's data), history (RAG over the last periods)
    /// or milestone-status (the milestone status chart's data), with the page's filters.
    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken cancellationToken)
    {
        if (table == "milestone-status")
        {
            var trend = await portfolio.MilestoneTrendAsync(Filter(), cancellationToken);
            var statuses = Enum.GetValues<MilestoneStatus>();
            return CsvDownload.File(CsvDownload.Write(["Date", .. statuses.Select(Format.Name), "All milestones"],
                trend.Select(p => (string?[])[Csv.Date(p.At), .. statuses.Select(s => Count(p.Counts[s])), Count(p.Total)])), "milestone-status.csv");
        }
        var view = await portfolio.ReadAsync(Filter(), cancellationToken);
        return table switch
        {
            "history" => CsvDownload.File(CsvDownload.Write(["ODS code", "Trust", "Period start", "RAG", "Driven by", "Return status"],
                view.History.Select(h => new[] { h.OdsCode, h.Trust, Csv.Date(h.PeriodStart), h.Rag?.ToString(), h.Driver, h.Status.ToString() })), "rag-history.csv"),
            "spend" => CsvDownload.File(CsvDownload.Write(["ODS code", "Trust", "Allocation", "Spent", "Claimed"],
                view.Rows.Select(r => new[] { r.OdsCode, r.Trust, Csv.Amount(r.Allocation), Csv.Amount(r.Spent), Csv.Amount(r.Claimed) })), "spend-against-allocation.csv"),
            _ => CsvDownload.File(CsvDownload.Write(["ODS code", "Trust", "Programme", "Region", "RAG", "Driven by", "RAG period", "Allocation", "Claimed", "Spent", "Milestones achieved", "Milestones due", "Milestones late", "Returns awaiting review",
                    "People enrolled", "Enrolments", "Completed", "Overdue", "Self-assessment people"],
                view.Rows.Select(r => (view.Workforce[r.OdsCode], r)).Select(x => new[] { x.r.OdsCode, x.r.Trust, x.r.Programme, x.r.Region, x.r.Rag?.ToString(), x.r.Driver, Csv.Date(x.r.RagPeriod), Csv.Amount(x.r.Allocation), Csv.Amount(x.r.Claimed), Csv.Amount(x.r.Spent),
                    Count(x.r.Achieved), Count(x.r.Due), Count(x.r.Late), Count(x.r.AwaitingReview),
                    Count(x.Item1.Learning.People), Count(x.Item1.Learning.Enrolled), Count(x.Item1.Learning.Completed), Count(x.Item1.Learning.Overdue),
                    x.Item1.SelfAssessment.IsShown ? Count(x.Item1.SelfAssessment.People) : WorkforceSkills.TooFewPeople })), "portfolio.csv"),
        };
    }

    private static string Count(int n) => n.ToString(Format.EnGb);

    /// The handler goes in the values, ahead of the table, so the query names the handler first, then the table (tests pin
    /// "handler=Csv&amp;table=..."); the filters left empty are left out.
    public string CsvLink(string table) =>
        Url.Page("/Portfolio/Index", new { area = "Exemplars", handler = "Csv", table, programme = Programme, region = Region, capability = Capability })!;

    private PortfolioFilter Filter() => new(Programme, Region, Enum.TryParse<CapabilityArea>(Capability, out var area) && Enum.IsDefined(area) ? area : null);
}
