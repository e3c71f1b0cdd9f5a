namespace Academy.Xapi.Contracts;

/// Short-lived LRS credentials for one launch of a course, handed to the page (or the content) that
/// sends the learner's statements. A launch credential can write only statements whose actor is the
/// scope's learner and whose context.registration is the scope's registration; read only that
/// learner's statements; use the State resource only for that learner and registration, and the Agent
/// Profile resource only for that learner; nothing else. It stops working (401) when it expires and
/// when the learner signs out. Registered by the Xapi module.
public interface ILaunchCredentials
{
    /// A new credential for <paramref name="scope"/>, valid for <paramref name="lifetime"/>
    /// (Academy:Xapi:LaunchCredentialLifetime, 4 hours by default, when null; at most 24 hours).
    /// The secret is returned once and stored only as a hash.
    Task<LaunchCredential> IssueAsync(LaunchScope scope, TimeSpan? lifetime = null, CancellationToken cancellationToken = default);

    /// Ends every launch credential issued for <paramref name="learner"/> at once; returns how many.
    Task<int> RevokeAsync(XapiAgent learner, CancellationToken cancellationToken = default);

    /// Ends one launch credential (a cmi5 AU session that was abandoned); false when there was none live with that key.
    Task<bool> RevokeKeyAsync(string key, CancellationToken cancellationToken = default);
}

/// What a launch credential may touch: one learner (make it with <see cref="XapiAgent.Learner"/>), one
/// registration (the enrolment's launch UUID) and the course's activity id.
/// Cmi5: set for a cmi5 AU's launch, so the LRS holds the AU's statements to cmi5's session rules (section 9).
public sealed record LaunchScope(XapiAgent Learner, Guid Registration, string ActivityId, Cmi5SessionScope? Cmi5 = null);

/// One cmi5 AU session: its session id, the AU's activity id as the LMS gave it, the mastery score and the launch mode
/// ("Normal", "Browse" or "Review").
public sealed record Cmi5SessionScope(string SessionId, string AuActivityId, decimal? MasteryScore, string LaunchMode);

/// The LRS's address on the site. Not a page, so it cannot come from a page name: every link to it is built from here.
public static class XapiEndpoint
{
    public const string Path = "/xapi/";
}

/// <param name="AuthorizationHeader">The Authorization header value: "Basic " + base64(key:secret).</param>
/// <param name="Endpoint">The LRS's endpoint, relative to the site: "/xapi/".</param>
public sealed record LaunchCredential(string Key, string Secret, string AuthorizationHeader, DateTimeOffset ExpiresAt, string Endpoint = XapiEndpoint.Path);
