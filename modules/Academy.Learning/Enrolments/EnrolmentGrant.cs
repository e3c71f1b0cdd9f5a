namespace Academy.Learning.Enrolments;

/// Who gave a person an enrolment: themselves, a CCIO, an upload, or a cohort (with its id). One enrolment
/// may have several (a person on two cohorts with the same course); leaving a cohort ends the enrolment only
/// when no other grant is left (see <see cref="EnrolmentRules.EndCohortGrantsAsync"/>).
public sealed class EnrolmentGrant
{
    public int Id { get; set; }
    public int EnrolmentId { get; set; }
    public Enrolment Enrolment { get; set; } = default!;
    public EnrolmentSource Source { get; set; }
    public int? CohortId { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
}
