using Academy.Web;
using Academy.Learning.Cohorts;
using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Academy.Learning.Pages.Cohorts;

/// The CCIO dashboard for one cohort: totals per course, completions over time, and every learner × course,
/// filtered by a GET form (works without script); each table also as CSV.
public sealed class CohortModel(LearningDbContext db, CohortDashboard dashboard) : CohortPage(db)
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Course { get; set; }
    [BindProperty(SupportsGet = true)] public string? DueBy { get; set; }
    // Not "page": Razor Pages' own route value of that name would bind to it.
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<CohortDashboard.CourseTotals> Totals { get; private set; } = [];
    public IReadOnlyList<CohortDashboard.ChartPoint> Chart { get; private set; } = [];
    public IReadOnlyList<CohortDashboard.Cell> Cells { get; private set; } = [];
    public int CellCount { get; private set; }
    public CohortDashboard.Filter Filter { get; private set; } = new();
    public int Pages => Math.Max(1, (CellCount + CohortDashboard.PageSize - 1) / CohortDashboard.PageSize);

    public static readonly Standing[] Standings = Enum.GetValues<Standing>();

    public IEnumerable<SelectListItem> StatusOptions =>
        [new("Any status", ""), .. Standings.Select(s => new SelectListItem(CohortDashboard.StandingText(s), s.ToString(), Status == s.ToString()))];

    public IEnumerable<SelectListItem> CourseOptions =>
        [new("Any course", ""), .. Totals.Select(t => new SelectListItem(t.Title, t.CourseId.ToString(), Course == t.CourseId.ToString()))];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, toChange: false, cancellationToken) is { } refused) return refused;
        Totals = await dashboard.TotalsAsync(id, cancellationToken);
        Chart = await dashboard.CompletionsAsync(id, cancellationToken);
        Filter = ReadFilter(record: true);
        (Cells, CellCount) = await dashboard.GridAsync(id, Filter, all: false, cancellationToken);
        return Page();
    }

    /// table: totals, completions or learners (the grid, with the page's filters, every page).
    public async Task<IActionResult> OnGetCsvAsync(int id, string? table, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, toChange: false, cancellationToken) is { } refused) return refused;
        var name = $"cohort-{id}-{table}.csv";
        switch (table)
        {
            case "totals":
                var totals = await dashboard.TotalsAsync(id, cancellationToken);
                return CsvDownload.File(CsvDownload.Write(["Course", "Due", "Enrolled", .. Standings.Select(CohortDashboard.StandingText)],
                    totals.Select(t => (string?[])[t.Title, Due(t.DueOn, t.DueDaysAfterJoining), t.Enrolled.ToString(), .. Standings.Select(s => t.Count(s).ToString())])), name);
            case "completions":
                var chart = await dashboard.CompletionsAsync(id, cancellationToken);
                return CsvDownload.File(CsvDownload.Write(["Week starting", "Completions", "Completions to date"],
                    chart.Select(p => (string?[])[CohortCsv.Date(p.WeekOf), p.Completions.ToString(), p.Cumulative.ToString()])), name);
            case "learners":
                var filter = ReadFilter(record: false);
                if (!ModelState.IsValid) return BadRequest(ModelState.Values.SelectMany(v => v.Errors).First().ErrorMessage);
                var (cells, _) = await dashboard.GridAsync(id, filter, all: true, cancellationToken);
                return CsvDownload.File(CsvDownload.Write(["Name", "Email", "Course", "Status", "Score (%)", "Time spent (minutes)", "Last activity (UTC)", "Due"],
                    cells.Select(c => (string?[])[c.Name, c.Email, c.CourseTitle, CohortDashboard.StandingText(c.Standing), CohortCsv.Number(c.ScoreScaled * 100),
                        Math.Round(c.TimeSpent.TotalMinutes).ToString(), CohortCsv.Date(c.LastActivityAt), CohortCsv.Date(c.DueOn)])), name);
            default:
                return NotFound();
        }
    }

    /// A filter the form cannot have sent (an unknown status or course) is an error beside its field, and is not applied.
    /// Inline rather than FormErrorsFilter: a GET filter still shows the dashboard, unfiltered by that field.
    private CohortDashboard.Filter ReadFilter(bool record)
    {
        Standing? status = null;
        if (!string.IsNullOrEmpty(Status))
        {
            if (Enum.TryParse<Standing>(Status, out var s) && Enum.IsDefined(s) && !int.TryParse(Status, out _)) status = s;
            else ModelState.AddModelError(nameof(Status), "Select a status from the list");
        }
        int? course = null;
        if (!string.IsNullOrEmpty(Course))
        {
            if (int.TryParse(Course, out var c) && (!record || Totals.Any(t => t.CourseId == c))) course = c;
            else ModelState.AddModelError(nameof(Course), "Select a course from the list");
        }
        DateOnly? dueBy = null;
        if (!string.IsNullOrEmpty(DueBy))
        {
            if (DateOnly.TryParseExact(DueBy.Trim(), ["yyyy-M-d", "yyyy-MM-dd"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)) dueBy = d;
            else ModelState.AddModelError(nameof(DueBy), "Due by must be a real date, like 15 3 2027");
        }
        return new CohortDashboard.Filter(status, course, dueBy, Math.Max(1, PageNumber));
    }

    public string Query(int? page = null, string? handler = null, string? table = null)
    {
        // The query keeps this order (handler first); values left null are left out.
        var values = new Microsoft.AspNetCore.Routing.RouteValueDictionary
        {
            ["area"] = "Learning", ["id"] = Cohort.Id, ["handler"] = handler, ["table"] = table,
            ["Status"] = Filter.Status?.ToString(), ["Course"] = Filter.CourseId,
            ["DueBy"] = Filter.DueBy?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["pageNumber"] = page is { } p && p > 1 ? p : null,
        };
        return Url.Page("/Cohorts/Cohort", values)!;
    }
}
