using Academy.Learning.Enrolments;

namespace Academy.Learning.Player;

/// One submitted attempt at a quiz, kept by the server so that the attempt limit holds whichever way the
/// answers came (a form post without JavaScript, or the page's grading request before tincanjs sends
/// the statements) and so that the result page can show the feedback again.
public sealed class QuizAttempt
{
    public int Id { get; set; }
    public int EnrolmentId { get; set; }
    public Enrolment Enrolment { get; set; } = default!;
    /// No foreign key: authors may remove a lesson from a course, and its attempts stay as history.
    public int LessonId { get; set; }
    /// 1 for the first attempt; unique per enrolment and lesson, so a double post cannot make two of the same number.
    public int Number { get; set; }
    /// The chosen option ids per question, as "questionId:optionId,optionId;..." (see <see cref="QuizGrading"/>).
    public string Answers { get; set; } = "";
    public int ScoreRaw { get; set; }
    public int ScoreMax { get; set; }
    public bool Passed { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    /// True when the server stored the attempt's statements itself (no JavaScript); false when the page sends them.
    public bool RecordedByServer { get; set; }
}
