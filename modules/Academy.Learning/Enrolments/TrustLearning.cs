using System.Linq.Expressions;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Modules;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Enrolments;

/// A trust's workforce digital skills for the exemplar tracker (issue 11 §7), counted in the database.
/// The trust's staff are the accounts whose trust is the ODS code today (Identity's, read through
/// <see cref="IStaffDirectory"/>): a person who moves trust takes their enrolments and completions to the new one,
/// because the record is of the workforce a trust has now, not of where people trained.
/// The programme counts every published Digital Academy course (<see cref="Counted"/>): drafts are not yet anyone's
/// to take and retired courses are no longer asked of anyone. Only live enrolments count, as a CCIO's dashboard counts them.
internal sealed class TrustLearning(LearningDbContext db, IStaffDirectory staff, TimeProvider clock) : ITrustLearning
{
    public static readonly Expression<Func<Course, bool>> Counted = c => c.Status == CourseStatus.Published;

    public async Task<TrustLearningSummary> ForTrustAsync(string trustOdsCode, CancellationToken cancellationToken = default) =>
        (await ForTrustsAsync([trustOdsCode], cancellationToken))[trustOdsCode];

    public async Task<IReadOnlyDictionary<string, TrustLearningSummary>> ForTrustsAsync(IReadOnlyCollection<string> trustOdsCodes, CancellationToken cancellationToken = default)
    {
        var staffIds = await staff.StaffIdsAsync(trustOdsCodes, cancellationToken);
        var courses = await db.Courses.AsNoTracking().Where(Counted).OrderBy(c => c.Title).Select(c => new { c.Id, c.Slug, c.Title }).ToListAsync(cancellationToken);
        var countedIds = db.Courses.Where(Counted).Select(c => c.Id);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var summaries = new Dictionary<string, TrustLearningSummary>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, staffOfTrust) in staffIds)
        {
            var ids = staffOfTrust.ToList();
            // One JSON parameter however large the trust (EF 10 otherwise sends one parameter per id, and SQL Server stops at 2,100).
            var enrolments = db.Enrolments.AsNoTracking()
                .Where(e => e.EndedAt == null && countedIds.Contains(e.CourseId) && EF.Parameter(ids).Contains(e.UserId));
            // Standing is the one rule (EnrolmentStanding) translated to SQL: complete and still valid counts as completed
            // (an expiring completion is still valid; an expired one needs recertification and does not count).
            var counts = ids.Count == 0 ? new Dictionary<int, CourseCounts>() : await enrolments.WithStanding(db.EnrolmentProgress, today)
                .GroupBy(s => s.Enrolment.CourseId)
                .Select(g => new CourseCounts(g.Key, g.Count(),
                    g.Count(s => s.Standing == Standing.Completed || s.Standing == Standing.Expiring),
                    g.Count(s => s.Standing == Standing.Overdue)))
                .ToDictionaryAsync(c => c.CourseId, cancellationToken);
            var people = ids.Count == 0 ? 0 : await enrolments.Select(e => e.UserId).Distinct().CountAsync(cancellationToken);
            var perCourse = courses.Select(c => counts.GetValueOrDefault(c.Id) is { } n
                ? new TrustCourseLearning(c.Slug, c.Title, n.Enrolled, n.Completed, n.Overdue)
                : new TrustCourseLearning(c.Slug, c.Title, 0, 0, 0)).ToList();
            summaries[code] = new TrustLearningSummary(code, people, perCourse.Sum(c => c.Enrolled), perCourse.Sum(c => c.Completed), perCourse.Sum(c => c.Overdue), perCourse);
        }
        return summaries;
    }

    private sealed record CourseCounts(int CourseId, int Enrolled, int Completed, int Overdue);
}
