using Academy.Learning.Enrolments;

namespace Academy.Learning.Player;

/// A launch of a course for one enrolment: the short-lived LRS credential its lesson pages share.
/// Kept in the database (not in memory), so every web node hands out the same one; the secret is
/// stored only protected by the site's data-protection keys. Ended when the learner signs out.
public sealed class Launch
{
    public int Id { get; set; }
    public int EnrolmentId { get; set; }
    public Enrolment Enrolment { get; set; } = default!;
    /// The xAPI session of this launch (statements' context.extensions session-id for video).
    public Guid SessionId { get; set; }
    public string CredentialKey { get; set; } = "";
    /// The Authorization header value, protected with IDataProtector (purpose <see cref="Launches.ProtectorPurpose"/>).
    public string ProtectedAuthorization { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}
