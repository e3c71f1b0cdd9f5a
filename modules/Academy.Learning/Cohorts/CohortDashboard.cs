using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Academy.Modules;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Cohorts;

/// A cohort's figures for its CCIOs: each member's live enrolment on each of the cohort's courses with where it
/// stands (<see cref="EnrolmentStanding"/>), totals per course and completions per week. Counts are grouped in
/// SQL; only one page of the grid (and the names on it) is read into memory.
public sealed class CohortDashboard(LearningDbContext db, IStaffDirectory staff, TimeProvider clock)
{
    public const int PageSize = 100;
    public const int ChartWeeks = 12;

    /// What the grid shows: a standing, one course, due on or before a date, one member (each optional); page from 1.
    public sealed record Filter(Standing? Status = null, int? CourseId = null, DateOnly? DueBy = null, int Page = 1, string? UserId = null);

    public sealed record Cell(
        string UserId, string Email, string Name, int CourseId, string CourseTitle, Standing Standing,
        double? ScoreScaled, TimeSpan TimeSpent, DateTimeOffset? LastActivityAt, DateOnly? DueOn, Guid Registration);

    public sealed record CourseTotals(int CourseId, string Title, DateOnly? DueOn, int? DueDaysAfterJoining, int Enrolled, IReadOnlyDictionary<Standing, int> Counts)
    {
        public int Count(Standing standing) => Counts.TryGetValue(standing, out var n) ? n : 0;
    }

    /// Completions in the week starting <paramref name="WeekOf"/> (a Monday), and all completions up to its end.
    public sealed record ChartPoint(DateOnly WeekOf, int Completions, int Cumulative);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// The live enrolments of the cohort's members on the cohort's courses, with their standing.
    public IQueryable<EnrolmentStandingRow> Rows(int cohortId) =>
        db.Enrolments.AsNoTracking()
            .Where(e => e.EndedAt == null
                && db.CohortMembers.Any(m => m.CohortId == cohortId && m.UserId == e.UserId)
                && db.CohortCourses.Any(c => c.CohortId == cohortId && c.CourseId == e.CourseId))
            .WithStanding(db.EnrolmentProgress, Today);

    public async Task<IReadOnlyList<CourseTotals>> TotalsAsync(int cohortId, CancellationToken cancellationToken)
    {
        var courses = await db.CohortCourses.AsNoTracking().Where(c => c.CohortId == cohortId).OrderBy(c => c.Course.Title)
            .Select(c => new { c.CourseId, c.Course.Title, c.DueOn, c.DueDaysAfterJoining }).ToListAsync(cancellationToken);
        var counts = (await Rows(cohortId).GroupBy(r => new { r.Enrolment.CourseId, r.Standing })
                .Select(g => new { g.Key.CourseId, g.Key.Standing, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToLookup(c => c.CourseId);
        return courses.Select(c => new CourseTotals(c.CourseId, c.Title, c.DueOn, c.DueDaysAfterJoining, counts[c.CourseId].Sum(x => x.Count),
            counts[c.CourseId].ToDictionary(x => x.Standing, x => x.Count))).ToList();
    }

    /// The last <see cref="ChartWeeks"/> weeks, this one included; days are counted in SQL.
    public async Task<IReadOnlyList<ChartPoint>> CompletionsAsync(int cohortId, CancellationToken cancellationToken)
    {
        var monday = Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7));
        var first = monday.AddDays(-7 * (ChartWeeks - 1));
        var days = await Rows(cohortId).Where(r => r.Progress != null && r.Progress.CompletedOn != null)
            .GroupBy(r => r.Progress!.CompletedOn!.Value).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var running = days.Where(d => d.Day < first).Sum(d => d.Count);
        var points = new List<ChartPoint>(ChartWeeks);
        for (var week = first; week <= monday; week = week.AddDays(7))
        {
            var inWeek = days.Where(d => d.Day >= week && d.Day < week.AddDays(7)).Sum(d => d.Count);
            running += inWeek;
            points.Add(new ChartPoint(week, inWeek, running));
        }
        return points;
    }

    /// The grid's rows in order (member's address, then course), filtered; one page, or every row when <paramref name="all"/>.
    public async Task<(IReadOnlyList<Cell> Cells, int Count)> GridAsync(int cohortId, Filter filter, bool all, CancellationToken cancellationToken)
    {
        var rows = Rows(cohortId);
        if (filter.Status is { } status) rows = rows.Where(r => r.Standing == status);
        if (filter.CourseId is { } courseId) rows = rows.Where(r => r.Enrolment.CourseId == courseId);
        if (filter.DueBy is { } dueBy) rows = rows.Where(r => r.Enrolment.DueOn != null && r.Enrolment.DueOn <= dueBy);
        if (filter.UserId is { } userId) rows = rows.Where(r => r.Enrolment.UserId == userId);
        var query = from r in rows
                    join m in db.CohortMembers.Where(m => m.CohortId == cohortId) on r.Enrolment.UserId equals m.UserId
                    orderby m.Email, r.Enrolment.Course.Title, r.Enrolment.Id
                    select new
                    {
                        m.Email, r.Enrolment.UserId, r.Enrolment.CourseId, r.Enrolment.Course.Title, r.Standing, r.Enrolment.DueOn, r.Enrolment.Registration,
                        Score = r.Progress == null ? null : r.Progress.ScoreScaled,
                        Time = r.Progress == null ? (TimeSpan?)null : r.Progress.TimeSpent,
                        Last = r.Progress == null ? (DateTimeOffset?)null : r.Progress.LastActivityAt,
                    };
        var count = await query.CountAsync(cancellationToken);
        var page = all ? await query.ToListAsync(cancellationToken)
            : await query.Skip((Math.Max(1, filter.Page) - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var names = (await staff.ByIdAsync(page.Select(p => p.UserId).Distinct(), cancellationToken)).ToDictionary(p => p.UserId, p => p.DisplayName);
        return (page.Select(p => new Cell(p.UserId, p.Email, names.GetValueOrDefault(p.UserId, p.Email), p.CourseId, p.Title, p.Standing,
            p.Score, p.Time ?? TimeSpan.Zero, p.Last, p.DueOn, p.Registration)).ToList(), count);
    }

    public static string StandingText(Standing standing) => standing switch
    {
        Standing.NotStarted => "Not started",
        Standing.InProgress => "In progress",
        Standing.Completed => "Completed",
        Standing.Expiring => "Expiring",
        Standing.Expired => "Expired",
        _ => "Overdue",
    };

    /// NHS.UK tag colours: grey not started, blue in progress, green completed, yellow expiring, orange expired, red overdue.
    public static string StandingTag(Standing standing) => "nhsuk-tag " + standing switch
    {
        Standing.NotStarted => "nhsuk-tag--grey",
        Standing.InProgress => "nhsuk-tag--blue",
        Standing.Completed => "nhsuk-tag--green",
        Standing.Expiring => "nhsuk-tag--yellow",
        Standing.Expired => "nhsuk-tag--orange",
        _ => "nhsuk-tag--red",
    };
}
