using Academy.Learning.Courses;

namespace Academy.Learning.Cohorts;

/// A named group of staff of one trust, run by one or more of the trust's CCIOs, with its courses. Every change
/// goes through <see cref="CohortRules"/>, which enrols members on the cohort's courses and ends what only the
/// cohort gave when they leave.
public sealed class Cohort
{
    public int Id { get; set; }
    /// The trust's ODS code, as the academy:trust claim carries it.
    public string TrustOdsCode { get; set; } = "";
    public string Name { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public List<CohortCourse> Courses { get; set; } = [];
    public List<CohortMember> Members { get; set; } = [];
    public List<CohortLead> Leads { get; set; } = [];
}

/// A course of a cohort with its due date: a fixed date, or a number of days after the person joins.
public sealed class CohortCourse
{
    public int CohortId { get; set; }
    public int CourseId { get; set; }
    public Course Course { get; set; } = default!;
    public DateOnly? DueOn { get; set; }
    public int? DueDaysAfterJoining { get; set; }
    public DateTimeOffset AddedAt { get; set; }

    public DateOnly DueFor(DateTimeOffset joinedAt) =>
        DueOn ?? DateOnly.FromDateTime(joinedAt.UtcDateTime).AddDays(DueDaysAfterJoining ?? 0);
}

/// A member of staff in a cohort. <see cref="Email"/> is the address they were added by (for ordering and
/// exports; pages show the person's current name from the staff directory).
public sealed class CohortMember
{
    public int CohortId { get; set; }
    public string UserId { get; set; } = "";
    public string Email { get; set; } = "";
    public DateTimeOffset JoinedAt { get; set; }
}

/// A CCIO who runs the cohort: they get its weekly digest. Every CCIO of the trust may see and change it.
public sealed class CohortLead
{
    public int CohortId { get; set; }
    public string UserId { get; set; } = "";
}

/// One weekly digest sent to one CCIO, so that running the job again in the same week sends nothing twice.
public sealed class CohortDigest
{
    public string UserId { get; set; } = "";
    /// The Monday of the week the digest was sent in.
    public DateOnly WeekOf { get; set; }
    public DateTimeOffset SentAt { get; set; }
}
