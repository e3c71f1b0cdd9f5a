using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Progress;

/// One person's courses as My learning shows them, read from the projection. Only ever for the signed-in
/// person's own user id: nothing here takes another person's.
public sealed class MyLearning(LearningDbContext db, LearningActivities activities, TimeProvider clock)
{
    /// Completions that expire within this many days are shown as expiring.
    public const int ExpiringWithinDays = EnrolmentStanding.ExpiringWithinDays;

    public sealed record Course(
        int EnrolmentId, string Slug, string Title, ProgressStatus Status, double? ScoreScaled, TimeSpan TimeSpent,
        DateTimeOffset? LastActivityAt, DateOnly? DueOn, DateTimeOffset? CompletedAt, DateOnly? ExpiresOn,
        int Lessons, int LessonsDone, string? NextLessonSlug, Standing Standing)
    {
        public bool IsComplete => Status is ProgressStatus.Completed or ProgressStatus.Passed;
        public bool Overdue => Standing == Standing.Overdue;
        public bool Expired => Standing == Standing.Expired;
    }

    public sealed record Overview(IReadOnlyList<Course> InProgress, IReadOnlyList<Course> NotStarted, IReadOnlyList<Course> Expiring, IReadOnlyList<Course> Completed)
    {
        public bool IsEmpty => InProgress.Count + NotStarted.Count + Expiring.Count + Completed.Count == 0;
    }

    public async Task<Overview> ForAsync(string userId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // Live enrolments, and ended ones only for what they earned (an ended, unfinished enrolment is no longer anyone's to-do).
        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => e.UserId == userId)
            .WithStanding(db.EnrolmentProgress, today)
            .Select(r => new
            {
                r.Enrolment.Id, r.Enrolment.DueOn, r.Enrolment.EndedAt, r.Enrolment.Course.Slug, r.Enrolment.Course.Title,
                r.Progress, r.Standing,
            })
            .ToListAsync(cancellationToken);
        var ids = enrolments.Select(e => e.Id).ToList();
        var slugs = enrolments.Select(e => e.Slug).Distinct().ToList();
        var done = (await db.LessonProgress.AsNoTracking()
                .Where(l => ids.Contains(l.EnrolmentId) && (l.Status == ProgressStatus.Completed || l.Status == ProgressStatus.Passed))
                .Select(l => new { l.EnrolmentId, l.LessonSlug }).ToListAsync(cancellationToken))
            .ToLookup(l => l.EnrolmentId, l => l.LessonSlug);
        var lessons = (await db.Courses.AsNoTracking().AsSplitQuery().Include(c => c.Sections).ThenInclude(s => s.Lessons).ThenInclude(l => l.Unit)
                .Where(c => slugs.Contains(c.Slug)).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Slug, c => CourseOutline.From(c, activities).Lessons);

        var courses = enrolments.Select(e =>
        {
            var outline = lessons[e.Slug];
            var finished = done[e.Id].ToHashSet();
            var next = outline.FirstOrDefault(l => !finished.Contains(l.Slug)) ?? outline.FirstOrDefault();
            return (e.EndedAt, Course: new Course(e.Id, e.Slug, e.Title, e.Progress?.Status ?? ProgressStatus.NotStarted, e.Progress?.ScoreScaled,
                e.Progress?.TimeSpent ?? TimeSpan.Zero, e.Progress?.LastActivityAt, e.DueOn, e.Progress?.CompletedAt, e.Progress?.ExpiresOn,
                outline.Count, outline.Count(l => finished.Contains(l.Slug)), next?.Slug, e.Standing));
        }).Where(c => c.EndedAt is null || c.Course.IsComplete).Select(c => c.Course).ToList();

        var complete = courses.Where(c => c.IsComplete).OrderByDescending(c => c.CompletedAt).ToList();
        static bool Expiring(Course c) => c.Standing is Standing.Expiring or Standing.Expired;
        var incomplete = courses.Where(c => !c.IsComplete).OrderBy(c => c.DueOn ?? DateOnly.MaxValue).ThenBy(c => c.Title).ToList();
        return new Overview(
            incomplete.Where(c => c.Status != ProgressStatus.NotStarted).ToList(),
            incomplete.Where(c => c.Status == ProgressStatus.NotStarted).ToList(),
            complete.Where(Expiring).OrderBy(c => c.ExpiresOn).ToList(),
            complete.Where(c => !Expiring(c)).ToList());
    }

    /// "1 hour 5 minutes"; under a minute reads "Less than a minute".
    public static string Duration(TimeSpan time)
    {
        var minutes = (int)Math.Round(time.TotalMinutes);
        if (minutes < 1) return "Less than a minute";
        var (hours, rest) = (minutes / 60, minutes % 60);
        var parts = new List<string>();
        if (hours > 0) parts.Add(hours == 1 ? "1 hour" : $"{hours} hours");
        if (rest > 0) parts.Add(rest == 1 ? "1 minute" : $"{rest} minutes");
        return string.Join(" ", parts);
    }
}
