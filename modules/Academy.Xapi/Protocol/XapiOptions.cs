using Microsoft.Extensions.Configuration;

namespace Academy.Xapi.Protocol;

/// Academy:Xapi settings.
public sealed class XapiOptions
{
    /// Largest request body accepted (413 above it). Attachments count.
    public long MaxRequestBytes { get; set; } = 20 * 1024 * 1024;
    /// Requests per second each credential may make (a token bucket; 429 beyond it).
    public int RequestsPerSecond { get; set; } = 2000;
    public int Burst { get; set; } = 4000;
    /// Failed authentications a client address may make per minute before it is refused with 429 (issue 8 §4).
    public int FailedAuthenticationsPerMinute { get; set; } = 20;
    /// The homePage of the authority account of stored statements; the request's origin when empty.
    public string? AuthorityHomePage { get; set; }
    /// Statements a POST may carry.
    public int MaxStatementsPerRequest { get; set; } = 5000;
    public int MaxQueryLimit { get; set; } = 500;
    /// The X-Experience-API-Version of an answer to a request whose version header is missing or
    /// unsupported (Communication 3.3): "2.0.0", the latest version the LRS speaks, or "1.0.3". The ADL
    /// conformance suites disagree here (1.0.3 expects 1.0.3, 2.0 expects 2.0.0): set it for a 1.0.3-only run.
    public string UnversionedAnswer { get; set; } = "2.0.0";
    /// How long a launch credential works when the launcher does not say (Academy:Xapi:LaunchCredentialLifetime, "04:00:00").
    public TimeSpan LaunchCredentialLifetime { get; set; } = TimeSpan.FromHours(4);
    /// How long after a cmi5 AU session's terminated statement the LRS still takes statements of that session (requests
    /// the AU sent at the same moment, arriving late) before it refuses every one with 403 (cmi5 9.3.8: the LMS waits "a
    /// specified period of time"). Academy:Xapi:Cmi5TerminatedGracePeriod, "00:00:30" by default.
    public TimeSpan Cmi5TerminatedGracePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// Group commit (issue 12 §3): when fewer requests have queued than the last commit carried, the writer
    /// waits up to this long for the rest before it commits, so the clients of the last commit, whose next
    /// requests are on the way, share one fsync instead of a few each. 0: commit whatever has queued at once.
    public double GroupCommitWaitMilliseconds { get; set; } = 2;

    public static XapiOptions From(IConfiguration configuration)
    {
        var options = new XapiOptions();
        configuration.GetSection("Academy:Xapi").Bind(options);
        return options;
    }
}
