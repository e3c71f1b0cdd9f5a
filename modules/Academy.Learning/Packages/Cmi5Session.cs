using Academy.Learning.Enrolments;

namespace Academy.Learning.Packages;

public enum LaunchMode { Normal, Browse, Review }

/// One launch of an AU (a cmi5 "AU session"): its session id, the launch mode, the one-time fetch URL (only its
/// SHA-256 is kept) and the launch credential the fetch URL hands out once. EndedAt is set when the LMS abandons the
/// session (a new launch on the same registration) or learns it was terminated.
public sealed class Cmi5Session
{
    public int Id { get; set; }
    public int EnrolmentId { get; set; }
    public Enrolment Enrolment { get; set; } = default!;
    public int AuId { get; set; }
    public PackageAu Au { get; set; } = default!;
    public Guid SessionId { get; set; }
    public LaunchMode LaunchMode { get; set; }
    public string FetchTokenHash { get; set; } = "";
    public DateTimeOffset? FetchedAt { get; set; }
    public string CredentialKey { get; set; } = "";
    /// "Basic ..." protected with IDataProtector (purpose <see cref="Cmi5Launches.ProtectorPurpose"/>), handed out by the fetch URL once.
    public string ProtectedAuthorization { get; set; } = "";
    public DateTimeOffset LaunchedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}

/// A satisfied statement Academy recorded for a block or the course of a package, for one enrolment (once each).
public sealed class PackageSatisfaction
{
    public int Id { get; set; }
    public int EnrolmentId { get; set; }
    public Enrolment Enrolment { get; set; } = default!;
    public string ActivityId { get; set; } = "";
    public Guid StatementId { get; set; }
    public DateTimeOffset SatisfiedAt { get; set; }
}
