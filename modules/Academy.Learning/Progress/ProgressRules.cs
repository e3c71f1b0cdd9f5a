using Academy.Learning.Courses;
using Academy.Xapi.Contracts;
using Verbs = Academy.Learning.LearningActivities.Verbs;

namespace Academy.Learning.Progress;

/// What a course's completion needs, read from its lessons, with the activity ids its statements use.
/// <paramref name="ValidityMonths"/>: how long a completion stays valid (0: it never expires).
public sealed record CourseOutline(int CourseId, string Slug, string ActivityId, IReadOnlyList<LessonOutline> Lessons, int ValidityMonths = 0)
{
    public bool HasQuiz => Lessons.Any(l => l.Kind == LessonKind.Quiz);

    public static CourseOutline From(Course course, LearningActivities activities) => new(
        course.Id, course.Slug, activities.Course(course.Slug),
        course.Sections.OrderBy(s => s.Position).SelectMany(s => s.Lessons.OrderBy(l => l.Position))
            .Select(l => new LessonOutline(l.Slug, l.Title, l.Kind, l.PassMark, l.MaxAttempts, l.Unit?.TrackedActivityId ?? activities.Lesson(course.Slug, l.Slug), l.Unit?.MoveOn))
            .ToList(),
        course.ValidityMonths);
}

/// MoveOn: a package unit's criterion (load lessons with their Unit for package courses).
public sealed record LessonOutline(string Slug, string Title, LessonKind Kind, int? PassMark, int? MaxAttempts, string ActivityId, Packages.MoveOn? MoveOn = null);

/// The enrolment facts that decide which statements count for it.
public sealed record EnrolmentFacts(int EnrolmentId, int CourseId, string UserId, Guid Registration, DateTimeOffset EnrolledAt, DateTimeOffset? EndedAt)
{
    public string LearnerKey { get; } = XapiAgent.Learner(UserId).Key;
}

/// An enrolment's progress from its statements, from scratch, in one place: the live projection and the
/// rebuild both call <see cref="Compute"/>, so they cannot disagree. The rules:
/// - A statement counts when its actor is the enrolment's learner and it carries the enrolment's registration;
///   or, from outside content that sends no registration, when it names the course's activity (as object or
///   context activity) and was stored while the enrolment was live. Voided statements never reach here.
/// - A page or video lesson is done once it is experienced or completed (or a statement about it reports
///   completion); a quiz once it is passed; a package unit once its cmi5 moveOn criterion is met (MoveOnRules). A quiz whose limited attempts are all failed can no longer be passed.
/// - The course is Completed when every lesson is done and it has no quiz, Passed when every lesson is done and
///   every quiz passed; a statement for the course activity itself (completed, passed, or the satisfied Academy
///   records for a package course) completes it too.
///   Failed: not complete, and a quiz can no longer be passed or the course activity was failed.
/// - The completion statement is the earliest (in commit order) whose arrival made the course complete.
public static class ProgressRules
{
    /// Gaps between statements longer than this start a new sitting: time away is not time spent.
    public static readonly TimeSpan SittingGap = TimeSpan.FromMinutes(30);

    /// One statement's result.duration counts at most this long (a bad clock or a typo is not a week of study).
    public static readonly TimeSpan LongestDuration = TimeSpan.FromHours(8);

    public sealed record Result(EnrolmentProgress Progress, IReadOnlyList<LessonProgress> Lessons, IReadOnlyList<Guid> CountedStatementIds);

    public static bool Counts(FeedStatement s, EnrolmentFacts enrolment, string courseActivityId) =>
        s.Actor?.Key == enrolment.LearnerKey && s.Voids is null
        && (s.Registration == enrolment.Registration
            || (s.Registration is null && NamesActivity(s, courseActivityId)
                && s.Stored >= enrolment.EnrolledAt && (enrolment.EndedAt is null || s.Stored < enrolment.EndedAt)));

    public static bool NamesActivity(FeedStatement s, string activityId) =>
        s.ActivityId == activityId || s.ParentIds.Contains(activityId) || s.GroupingIds.Contains(activityId)
        || s.CategoryIds.Contains(activityId) || OtherContextActivities(s).Contains(activityId);

    /// contextActivities.other is not parsed out by the feed; only statements without a registration need it.
    public static IEnumerable<string> OtherContextActivities(FeedStatement s)
    {
        if (!s.Json.Contains("\"other\"", StringComparison.Ordinal)) return [];
        return System.Text.Json.Nodes.JsonNode.Parse(s.Json)?["context"]?["contextActivities"]?["other"] switch
        {
            System.Text.Json.Nodes.JsonArray array => array.Select(a => a?["id"]?.GetValue<string>()).OfType<string>().ToList(),
            System.Text.Json.Nodes.JsonObject one => one["id"]?.GetValue<string>() is { } id ? [id] : [],
            _ => [],
        };
    }

    /// Null when no statement counts (the projection then keeps no row).
    public static Result? Compute(CourseOutline course, EnrolmentFacts enrolment, IEnumerable<FeedStatement> statements)
    {
        var counted = statements.Where(s => Counts(s, enrolment, course.ActivityId))
            .DistinctBy(s => s.Id).OrderBy(s => s.Position).ToList();
        if (counted.Count == 0) return null;

        var progress = new EnrolmentProgress
        {
            EnrolmentId = enrolment.EnrolmentId,
            LastActivityAt = counted.Max(When),
            TimeSpent = TimeSpent(counted),
            HasUnregisteredStatements = counted.Any(s => s.Registration is null),
        };

        var lessons = new List<LessonProgress>();
        var lessonsDone = new List<FeedStatement?>();
        var quizScores = new List<double>();
        var quizLost = false;
        foreach (var lesson in course.Lessons)
        {
            var (row, doneBy, lost) = Lesson(lesson, enrolment.EnrolmentId, counted);
            lessonsDone.Add(doneBy);
            quizLost |= lost;
            if (row.ScoreScaled is { } best) quizScores.Add(best);
            if (row.Status != ProgressStatus.NotStarted) lessons.Add(row);
        }

        var onCourse = counted.Where(s => s.ActivityId == course.ActivityId).ToList();
        var completions = new List<(FeedStatement By, ProgressStatus Status)>();
        if (course.Lessons.Count > 0 && lessonsDone.All(d => d is not null))
            completions.Add((lessonsDone.MaxBy(d => d!.Position)!, course.HasQuiz ? ProgressStatus.Passed : ProgressStatus.Completed));
        if (onCourse.FirstOrDefault(s => s.VerbId == Verbs.Passed) is { } passed) completions.Add((passed, ProgressStatus.Passed));
        if (onCourse.FirstOrDefault(s => s.VerbId == Verbs.Completed || s.Completion == true) is { } completed) completions.Add((completed, ProgressStatus.Completed));
        if (onCourse.FirstOrDefault(s => s.VerbId == Packages.Cmi5Iris.Verbs.Satisfied) is { } satisfied) completions.Add((satisfied, ProgressStatus.Completed));

        if (completions.Count > 0)
        {
            var first = completions.MinBy(c => c.By.Position).By;
            progress.Status = completions.Any(c => c.Status == ProgressStatus.Passed) ? ProgressStatus.Passed : ProgressStatus.Completed;
            progress.CompletionStatementId = first.Id;
            progress.CompletedAt = When(first);
            progress.CompletedOn = DateOnly.FromDateTime(progress.CompletedAt.Value.UtcDateTime);
            progress.ExpiresOn = course.ValidityMonths > 0 ? progress.CompletedOn.Value.AddMonths(course.ValidityMonths) : null;
        }
        else
        {
            progress.Status = quizLost || onCourse.Any(s => s.VerbId == Verbs.Failed) ? ProgressStatus.Failed : ProgressStatus.InProgress;
        }

        var courseScores = onCourse.Select(Scaled).OfType<double>().ToList();
        progress.ScoreScaled = courseScores.Count > 0 ? courseScores.Max() : quizScores.Count > 0 ? quizScores.Average() : null;
        return new Result(progress, lessons, counted.Select(s => s.Id).ToList());
    }

    private static (LessonProgress Row, FeedStatement? DoneBy, bool Lost) Lesson(LessonOutline lesson, int enrolmentId, List<FeedStatement> counted)
    {
        var row = new LessonProgress { EnrolmentId = enrolmentId, LessonSlug = lesson.Slug };
        var about = counted.Where(s => s.ActivityId == lesson.ActivityId || s.ParentIds.Contains(lesson.ActivityId)).ToList();
        var onLesson = about.Where(s => s.ActivityId == lesson.ActivityId).ToList();
        if (lesson.Kind == LessonKind.Au)
        {
            var met = Packages.MoveOnRules.MetBy(lesson.MoveOn ?? Packages.MoveOn.NotApplicable, onLesson, counted[0]);
            var unitScores = onLesson.Where(s => s.VerbId is Verbs.Passed or Verbs.Failed).Select(Scaled).OfType<double>().ToList();
            row.ScoreScaled = unitScores.Count > 0 ? unitScores.Max() : null;
            row.Status = met is not null ? (onLesson.Any(s => s.VerbId == Verbs.Passed) ? ProgressStatus.Passed : ProgressStatus.Completed)
                : onLesson.Any(s => s.VerbId == Verbs.Failed) ? ProgressStatus.Failed
                : about.Count > 0 ? ProgressStatus.InProgress : ProgressStatus.NotStarted;
            return (row, met, false);
        }
        if (lesson.Kind != LessonKind.Quiz)
        {
            var done = onLesson.FirstOrDefault(s => s.VerbId is Verbs.Experienced or Verbs.Completed || s.Completion == true);
            row.Status = done is not null ? ProgressStatus.Completed : about.Count > 0 ? ProgressStatus.InProgress : ProgressStatus.NotStarted;
            return (row, done, false);
        }

        var attempts = onLesson.Where(s => s.VerbId is Verbs.Passed or Verbs.Failed).ToList();
        var pass = onLesson.FirstOrDefault(s => s.VerbId == Verbs.Passed || (s.VerbId == Verbs.Completed && s.Success == true));
        var scores = onLesson.Where(s => s.VerbId is Verbs.Passed or Verbs.Failed or Verbs.Completed).Select(Scaled).OfType<double>().ToList();
        row.Attempts = attempts.Count;
        row.ScoreScaled = scores.Count > 0 ? scores.Max() : null;
        row.Status = pass is not null ? ProgressStatus.Passed
            : attempts.Count > 0 && attempts[^1].VerbId == Verbs.Failed ? ProgressStatus.Failed
            : about.Count > 0 ? ProgressStatus.InProgress : ProgressStatus.NotStarted;
        var lost = pass is null && lesson.MaxAttempts is int allowed && attempts.Count(a => a.VerbId == Verbs.Failed) >= allowed;
        return (row, pass, lost);
    }

    /// score.scaled, or raw within min..max when only those were sent.
    public static double? Scaled(FeedStatement s) =>
        s.ScoreScaled ?? (s.ScoreRaw, s.ScoreMin ?? 0, s.ScoreMax) switch
        {
            (double raw, double min, double max) when max > min => Math.Clamp((raw - min) / (max - min), -1, 1),
            _ => null,
        };

    /// When the learner did it: the statement's timestamp, but never after the LRS stored it (a clock ahead).
    public static DateTimeOffset When(FeedStatement s) => s.Timestamp > s.Stored ? s.Stored : s.Timestamp;

    /// Each statement covers the moment it was made, stretched back by its result.duration; the covered
    /// spans are joined into sittings wherever they are less than <see cref="SittingGap"/> apart, and time
    /// spent is the sittings' lengths added up. So overlapping durations (a video's inside its lesson's) are
    /// not counted twice, content that reports only a duration still counts, and a week away adds nothing.
    public static TimeSpan TimeSpent(IEnumerable<FeedStatement> statements)
    {
        var spans = statements
            .Select(s => (End: When(s), Length: s.Duration is { } d && d > TimeSpan.Zero ? (d < LongestDuration ? d : LongestDuration) : TimeSpan.Zero))
            .Select(s => (Start: s.End - s.Length, s.End))
            .OrderBy(s => s.Start).ToList();
        var total = TimeSpan.Zero;
        DateTimeOffset? start = null, end = null;
        foreach (var span in spans)
        {
            if (end is { } e && span.Start - e <= SittingGap)
            {
                if (span.End > e) end = span.End;
                continue;
            }
            if (start is { } s0) total += end!.Value - s0;
            (start, end) = (span.Start, span.End);
        }
        if (start is { } last) total += end!.Value - last;
        return total;
    }

    /// What completing the course needs, in the words the course page shows under "To complete it": the same
    /// rule as <see cref="Compute"/> applies, worked out from the course's lessons (pass the course with its
    /// lessons loaded).
    public static string Describe(Course course)
    {
        var lessons = course.Sections.OrderBy(s => s.Position).SelectMany(s => s.Lessons.OrderBy(l => l.Position)).ToList();
        var units = lessons.Count(l => l.Kind == LessonKind.Au);
        if (units > 0 && units == lessons.Count)
            return units == 1 ? "Complete the e-learning unit as it asks." : $"Complete each of the {units:N0} e-learning units as it asks.";
        var quizzes = lessons.Where(l => l.Kind == LessonKind.Quiz).ToList();
        var others = lessons.Where(l => l.Kind != LessonKind.Quiz).ToList();
        var verb = others.All(l => l.Kind == LessonKind.Page) ? "Read" : others.All(l => l.Kind == LessonKind.Video) ? "Watch" : "Read or watch";
        var view = others.Count switch
        {
            0 => null,
            1 => $"{verb} the lesson",
            2 => $"{verb} both lessons",
            _ => $"{verb} all {others.Count} lessons",
        };
        var pass = quizzes.Count switch
        {
            0 => null,
            1 => $"pass the quiz \u2018{quizzes[0].Title}\u2019" + (quizzes[0].PassMark is int mark ? $" (pass mark {mark}%)" : ""),
            _ => $"pass all {quizzes.Count} quizzes",
        };
        return (view, pass) switch
        {
            (null, null) => "This course has no lessons yet.",
            (not null, null) => view + ".",
            (null, not null) => char.ToUpperInvariant(pass[0]) + pass[1..] + ".",
            _ => $"{view} and {pass}.",
        };
    }
}
