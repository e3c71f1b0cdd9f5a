using System.Text.Json.Nodes;
using Academy.Learning.Data;
using Academy.Learning.Progress;
using Academy.Xapi.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Cohorts;

/// A cohort member's statements on the cohort's courses as sentences ("completed Cyber security basics, score 90%,
/// 3 May 2027"), newest first, read from the LRS through its feed contract.
public sealed class LearnerTimeline(LearningDbContext db, IStatementFeed feed, LearningActivities activities)
{
    public const int MaxEntries = 500;

    public sealed record Entry(DateTimeOffset At, string Verb, string Activity, string? Score, string CourseTitle)
    {
        public string Text => $"{Verb} {Activity}{(Score is null ? "" : $", score {Score}")}, {LearningFormat.Date(At)}";
    }

    public async Task<IReadOnlyList<Entry>> ForAsync(IReadOnlyList<CohortDashboard.Cell> enrolments, CancellationToken cancellationToken)
    {
        if (enrolments.Count == 0) return [];
        var courseIds = enrolments.Select(e => e.CourseId).Distinct().ToList();
        var courses = await db.Courses.AsNoTracking().AsSplitQuery().Include(c => c.Sections).ThenInclude(s => s.Lessons)
            .Where(c => courseIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var names = new Dictionary<string, (string Name, string Course)>();
        foreach (var course in courses)
        {
            names[activities.Course(course.Slug)] = (course.Title, course.Title);
            foreach (var lesson in course.Sections.SelectMany(s => s.Lessons)) names[activities.Lesson(course.Slug, lesson.Slug)] = (lesson.Title, course.Title);
        }
        var registrations = enrolments.Select(e => e.Registration).ToList();
        var unregistered = await db.Enrolments.AsNoTracking()
            .Where(e => registrations.Contains(e.Registration) && db.EnrolmentProgress.Any(p => p.EnrolmentId == e.Id && p.HasUnregisteredStatements))
            .Select(e => new { e.UserId, e.Course.Slug }).ToListAsync(cancellationToken);

        var statements = new List<FeedStatement>();
        foreach (var registration in registrations) statements.AddRange(await feed.ForRegistrationAsync(registration, cancellationToken));
        foreach (var e in unregistered) statements.AddRange(await feed.ForActorAndActivityAsync(XapiAgent.Learner(e.UserId), activities.Course(e.Slug), cancellationToken));

        return statements.DistinctBy(s => s.Id).OrderByDescending(s => s.Timestamp).ThenByDescending(s => s.Position).Take(MaxEntries)
            .Select(s =>
            {
                var json = JsonNode.Parse(s.Json);
                var parent = s.ParentIds.Concat(s.GroupingIds).FirstOrDefault(names.ContainsKey);
                var (name, course) = s.ActivityId is { } id && names.TryGetValue(id, out var known) ? known
                    : (Display(json?["object"]?["definition"]?["name"]) ?? s.ActivityId ?? "an activity", parent is null ? "" : names[parent].Course);
                var verb = Display(json?["verb"]?["display"])?.ToLowerInvariant() ?? s.VerbId[(s.VerbId.LastIndexOf('/') + 1)..];
                return new Entry(s.Timestamp, verb, name, Score(s), course);
            }).ToList();
    }

    private static string? Display(JsonNode? languageMap) => languageMap is JsonObject map
        ? (map["en-GB"] ?? map["en-US"] ?? map["en"] ?? map.FirstOrDefault().Value)?.GetValue<string>() : null;

    private static string? Score(FeedStatement s) =>
        s.ScoreScaled is { } scaled ? $"{Math.Round(scaled * 100)}%"
        : s.ScoreRaw is { } raw && s.ScoreMax is { } max && max > 0 ? $"{raw:0.##} out of {max:0.##}"
        : null;
}
