using Academy.Web;
using Academy.Learning.Cohorts;
using Academy.Learning.Data;
using Academy.Learning.Packages;
using Academy.Modules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Pages.Cohorts;

/// One member of a cohort: their courses in the cohort and their statements as a timeline. Only for a member of
/// a cohort the person may see: anyone else's id is a 404.
public sealed class LearnerModel(LearningDbContext db, CohortDashboard dashboard, LearnerTimeline timeline, IStaffDirectory staff) : CohortPage(db)
{
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string UserId { get; private set; } = "";
    public IReadOnlyList<CohortDashboard.Cell> Courses { get; private set; } = [];
    public IReadOnlyList<LearnerTimeline.Entry> Timeline { get; private set; } = [];
    /// The enrolment ids of the cmi5 package courses, by registration, when the person may waive their units (Cmi5Waivers).
    public IReadOnlyDictionary<Guid, int> Waivable { get; private set; } = new Dictionary<Guid, int>();

    public async Task<IActionResult> OnGetAsync(int id, string userId, CancellationToken cancellationToken)
    {
        if (await LoadMemberAsync(id, userId, cancellationToken) is { } refused) return refused;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(int id, string userId, CancellationToken cancellationToken)
    {
        if (await LoadMemberAsync(id, userId, cancellationToken) is { } refused) return refused;
        return CsvDownload.File(CsvDownload.Write(["Date (UTC)", "Course", "What happened"],
            Timeline.Select(e => (string?[])[CohortCsv.Date(e.At), e.CourseTitle, e.Text])), $"cohort-{id}-learner-timeline.csv");
    }

    private async Task<IActionResult?> LoadMemberAsync(int id, string userId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, toChange: false, cancellationToken) is { } refused) return refused;
        var member = await Db.CohortMembers.AsNoTracking().SingleOrDefaultAsync(m => m.CohortId == id && m.UserId == userId, cancellationToken);
        if (member is null) return NotFound();
        var person = (await staff.ByIdAsync([userId], cancellationToken)).FirstOrDefault();
        UserId = userId;
        (Name, Email) = (person?.DisplayName ?? member.Email, person?.Email ?? member.Email);
        // The member's own rows, filtered in SQL (reading the whole cohort's grid took most of a second at 50,000 rows).
        var (cells, _) = await dashboard.GridAsync(id, new CohortDashboard.Filter(UserId: userId), all: true, cancellationToken);
        Courses = cells.ToList();
        Timeline = await timeline.ForAsync(Courses, cancellationToken);
        if (CanChange || User.IsAdministrator())
        {
            var registrations = Courses.Select(c => c.Registration).ToList();
            Waivable = await Db.Enrolments.AsNoTracking()
                .Where(e => registrations.Contains(e.Registration) && Db.CoursePackages.Any(p => p.CourseId == e.CourseId && p.Format == PackageFormat.Cmi5))
                .ToDictionaryAsync(e => e.Registration, e => e.Id, cancellationToken);
        }
        return null;
    }
}
