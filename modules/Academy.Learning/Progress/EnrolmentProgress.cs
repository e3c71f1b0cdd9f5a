namespace Academy.Learning.Progress;

/// Where an enrolment stands, as its statements say. Completed: every lesson done in a course without a quiz
/// (or the course's own completed statement); Passed: every lesson done and every quiz passed in a course
/// with quizzes (or the course's own passed statement); Failed: a quiz that can no longer be passed (its
/// attempts are used up) or the course's own failed statement, and no completion.
public enum ProgressStatus { NotStarted, InProgress, Completed, Passed, Failed }

/// The progress projection's row for one enrolment, derived only from the LRS's statements (see
/// <see cref="ProgressRules"/>). There is a row only while at least one statement counts for the enrolment:
/// no row reads as <see cref="ProgressStatus.NotStarted"/>.
public sealed class EnrolmentProgress
{
    public int EnrolmentId { get; set; }
    public ProgressStatus Status { get; set; }
    /// -1..1, as xAPI's score.scaled: the course's own score when content reported one, else the mean of the quizzes' best scores.
    public double? ScoreScaled { get; set; }
    /// The learner's sittings added up (see <see cref="ProgressRules.TimeSpent"/>).
    public TimeSpan TimeSpent { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// The UTC day of <see cref="CompletedAt"/> and the day the completion stops being valid (null: it never does),
    /// stored so that SQL can group and compare them (see <see cref="Enrolments.EnrolmentStanding"/>): SQLite keeps
    /// DateTimeOffset as a binary number, and "completion plus N months" does not translate. The expiry is the
    /// course's validity when the enrolment was last computed: after changing a course's validity, rebuild progress.
    public DateOnly? CompletedOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    /// The statement whose arrival completed (or passed) the enrolment; certificates cite it.
    public Guid? CompletionStatementId { get; set; }
    /// Some statement that counts carries no registration (outside content), so recomputing must also read by actor and course.
    public bool HasUnregisteredStatements { get; set; }

    public bool IsComplete => Status is ProgressStatus.Completed or ProgressStatus.Passed;
}

/// One lesson of an enrolment, by the lesson's slug (stable while the course is edited, and part of its activity id).
/// Lessons not started have no row.
public sealed class LessonProgress
{
    public int EnrolmentId { get; set; }
    public string LessonSlug { get; set; } = "";
    public ProgressStatus Status { get; set; }
    /// Quizzes: the best scaled score of any attempt.
    public double? ScoreScaled { get; set; }
    /// Quizzes: passed and failed attempts recorded.
    public int Attempts { get; set; }
}

/// How far the projection has read the LRS's feed: one row. <see cref="Version"/> is the optimistic
/// concurrency token that lets several web nodes follow the feed without applying a batch twice.
public sealed class ProgressCursor
{
    public const int SingleId = 1;
    public int Id { get; set; } = SingleId;
    public long Position { get; set; }
    public long Version { get; set; }
}

/// Which enrolment a counted statement belongs to, so that a voiding statement (which names only its
/// target's id) finds the enrolment to recompute.
public sealed class ProgressStatement
{
    public Guid StatementId { get; set; }
    public int EnrolmentId { get; set; }
}
