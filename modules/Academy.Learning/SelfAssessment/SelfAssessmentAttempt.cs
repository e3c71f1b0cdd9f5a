using Academy.Learning.Courses;

namespace Academy.Learning.SelfAssessment;

/// One go at the self-assessment. While <see cref="SubmittedAt"/> is null it is the person's draft (at most one),
/// filled a domain at a time; submitting it records its statements in the LRS and fixes it for ever: a retake is a
/// new attempt, so the history is kept. The ratings here are the local copy the result page and the trust summary
/// read quickly; the LRS holds the same answers as statements (see <see cref="SelfAssessmentStatements"/>).
public sealed class SelfAssessmentAttempt
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    /// The xAPI registration every statement of this attempt carries.
    public Guid Registration { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    /// The person's trust (ODS code, from their academy:trust claim) when they submitted: where the attempt counts
    /// in the trust summary, even if they move trust later.
    public string? TrustOdsCode { get; set; }
    /// The attempt's "completed" statement, once stored.
    public Guid? CompletedStatementId { get; set; }
    public List<SelfAssessmentRating> Ratings { get; set; } = [];
}

/// One statement's two ratings, 0 to 10.
public sealed class SelfAssessmentRating
{
    public int Id { get; set; }
    public int AttemptId { get; set; }
    public SelfAssessmentAttempt Attempt { get; set; } = default!;
    /// <see cref="CapabilityStatements.Item.Key"/>.
    public string StatementKey { get; set; } = "";
    /// Kept beside the key so that the trust summary groups by domain in SQL.
    public CapabilityDomain Domain { get; set; }
    public int Now { get; set; }
    public int Need { get; set; }
}
