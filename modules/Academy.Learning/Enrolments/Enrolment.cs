using Academy.Learning.Courses;

namespace Academy.Learning.Enrolments;

/// How a person came to be enrolled. CCIO, Cohort and Upload arrive with cohorts (issue 11).
public enum EnrolmentSource { Self, Ccio, Cohort, Upload }

/// A person's enrolment on a course. Its <see cref="Registration"/> is the xAPI registration every
/// statement of this enrolment carries. At most one live (not ended) enrolment per person and course;
/// recertification adds a new enrolment once the old one has ended.
public sealed class Enrolment
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public Course Course { get; set; } = default!;
    /// Identity's user id.
    public string UserId { get; set; } = "";
    public Guid Registration { get; set; }
    public DateTimeOffset EnrolledAt { get; set; }
    public DateOnly? DueOn { get; set; }
    public EnrolmentSource Source { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}
