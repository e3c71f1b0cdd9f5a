using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Academy.Xapi.Data;
using Academy.Xapi.Launch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Xapi.Protocol;

/// Who is calling: the credential a request authenticated with, and for a launch credential the
/// learner and registration it is confined to (Launch/LaunchRules.cs).
public sealed record XapiCaller(int CredentialId, string Key, IReadOnlySet<string> Scopes, LaunchRestriction? Launch = null)
{
    public bool Has(string scope, bool isRead) => XapiScopes.Grants(Scopes, scope, isRead);
}

/// Issues, checks and revokes credentials.
///
/// Secrets are stored hashed. A secret the LRS generates is 32 random bytes (256 bits): nobody can
/// guess it, so one SHA-256 is enough to make a stolen table useless, and it costs microseconds, which
/// matters because HTTP Basic sends the secret with every statement. A secret a person chose (the
/// provisioned default credential) may be guessable, so it gets PBKDF2-SHA256 (210,000 iterations,
/// OWASP 2023); a successful check is remembered in memory (by a SHA-256 of the secret) so that only
/// the first request of a process pays for it.
///
/// Issue 8 §4: a wrong secret must cost what it costs for any other key (a PBKDF2 per guess both told
/// which key was the configured one and let anyone burn 55 ms of CPU per request). The configured
/// credential's secret is in this process's configuration, so at start it is checked once against the
/// stored hash (RememberConfiguredAsync) and then compared by SHA-256, as generated secrets are; an
/// unknown key does the same hash. PBKDF2 is left only for a chosen secret this process does not know
/// (configuration changed since the credential was stored), and the protocol middleware refuses that
/// check (allowSlowCheck: false) to a client that has failed too often (XapiFailedAuthentications).
public sealed class XapiCredentials(IServiceProvider services, XapiSecretCache cache, TimeProvider clock)
{
    // Resolved on first use: a request whose credential is remembered opens no context at all.
    private XapiDbContext? db;
    private XapiDbContext Db => db ??= services.GetRequiredService<XapiDbContext>();

    private const int Pbkdf2Iterations = 210_000;

    public async Task<XapiCaller?> AuthenticateAsync(string? authorization, CancellationToken cancellationToken, bool allowSlowCheck = true)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        string decoded;
        try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim())); }
        catch (FormatException) { return null; }
        var colon = decoded.IndexOf(':');
        if (colon <= 0) return null;
        var key = decoded[..colon];
        var secret = decoded[(colon + 1)..];

        var now = clock.GetUtcNow();
        // Issue 12 §3: reading the credential was the largest part of a statement's CPU (a context, a
        // connection and an EF query per request). A key credential (not a launch one) and an unknown key
        // are remembered for a second, so a busy client is read about once a second; a miss and a hit cost
        // the same for every key, so timing still tells no key from another.
        if (cache.Lookup(key) is { } remembered)
        {
            if (remembered.SecretHash is null || remembered.ExpiresAt <= now)
            {
                SHA256.HashData(Encoding.UTF8.GetBytes(secret));
                return null;
            }
            if (!Verify(remembered.SecretHash, secret, allowSlowCheck)) return null;
            if (remembered.Caller is not null) return remembered.Caller;
            // A launch credential's right secret: read on, for its current state.
        }
        var credential = await Db.Credentials.AsNoTracking()
            .Where(c => c.Key == key && c.RevokedAt == null && (c.ExpiresAt == null || c.ExpiresAt > now))
            .Select(c => new { c.Id, c.Key, c.SecretHash, c.Scopes, c.ExpiresAt, c.LaunchAgent, c.LaunchRegistration, c.LaunchActivityId, c.Cmi5SessionId, c.Cmi5MasteryScore, c.Cmi5LaunchMode, c.Cmi5State, c.Cmi5TerminatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (credential is null)
        {
            cache.RememberUnknown(key);
            // The same work as checking a generated secret, so an unknown key answers no faster; an
            // expired or revoked launch credential is unknown here too, and costs the same.
            SHA256.HashData(Encoding.UTF8.GetBytes(secret));
            return null;
        }
        if (credential.LaunchAgent is { } agent)
        {
            // A launch credential with the right secret is read every time, as its cmi5 state moves with
            // the statements it sends; only its secret is remembered, so a wrong one costs what it costs
            // for any other key.
            cache.Remember(key, new XapiSecretCache.Credential(credential.SecretHash, null, credential.ExpiresAt ?? DateTimeOffset.MaxValue));
            if (!Verify(credential.SecretHash, secret, allowSlowCheck)) return null;
            var launch = new LaunchRestriction(agent, credential.LaunchRegistration!.Value, credential.LaunchActivityId!,
                credential.Cmi5SessionId is { } session ? new Contracts.Cmi5SessionScope(session, credential.LaunchActivityId!, credential.Cmi5MasteryScore, credential.Cmi5LaunchMode!) : null,
                credential.Cmi5State, credential.Cmi5TerminatedAt);
            return new XapiCaller(credential.Id, credential.Key, ParseScopes(credential.Scopes), launch);
        }
        var caller = new XapiCaller(credential.Id, credential.Key, ParseScopes(credential.Scopes));
        cache.Remember(key, new XapiSecretCache.Credential(credential.SecretHash, caller, credential.ExpiresAt ?? DateTimeOffset.MaxValue));
        return Verify(credential.SecretHash, secret, allowSlowCheck) ? caller : null;
    }

    /// Checks the configured secret against the stored credential once (one PBKDF2) and, when it
    /// matches, lets later checks of that credential compare SHA-256s. False when the stored
    /// credential has another secret (it was provisioned with a different configuration).
    public async Task<bool> RememberConfiguredAsync(string key, string secret, CancellationToken cancellationToken)
    {
        var stored = await Db.Credentials.AsNoTracking().Where(c => c.Key == key && c.RevokedAt == null)
            .Select(c => c.SecretHash).FirstOrDefaultAsync(cancellationToken);
        if (stored is null || !stored.StartsWith("pbkdf2:", StringComparison.Ordinal)) return stored is not null;
        if (!Verify(stored, secret, allowSlowCheck: true)) return false;
        cache.Known[stored] = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        return true;
    }

    public static IReadOnlySet<string> ParseScopes(string scopes) =>
        scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// A new credential; the secret is returned once and never stored.
    public async Task<(XapiCredential Credential, string Secret)> IssueAsync(string name, IEnumerable<string> scopes, string? createdBy, CancellationToken cancellationToken)
    {
        var (credential, secret) = Generate("ak_", name, scopes, createdBy);
        Db.Credentials.Add(credential);
        await Db.SaveChangesAsync(cancellationToken);
        cache.Forget(credential.Key);
        return (credential, secret);
    }

    /// A launch credential (Launch/LaunchCredentials.cs): an expiry, and the learner, registration and
    /// activity it is confined to.
    public async Task<(XapiCredential Credential, string Secret)> IssueLaunchAsync(string name, IEnumerable<string> scopes, LaunchRestriction launch, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var (credential, secret) = Generate("launch_", name, scopes, "launch");
        credential.ExpiresAt = expiresAt;
        credential.LaunchAgent = launch.AgentIdentity;
        credential.LaunchRegistration = launch.Registration;
        credential.LaunchActivityId = launch.ActivityId;
        credential.Cmi5SessionId = launch.Cmi5?.SessionId;
        credential.Cmi5MasteryScore = launch.Cmi5?.MasteryScore;
        credential.Cmi5LaunchMode = launch.Cmi5?.LaunchMode;
        Db.Credentials.Add(credential);
        await Db.SaveChangesAsync(cancellationToken);
        cache.Forget(credential.Key);
        return (credential, secret);
    }

    private (XapiCredential, string Secret) Generate(string keyPrefix, string name, IEnumerable<string> scopes, string? createdBy)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (new XapiCredential
        {
            Key = keyPrefix + Base64Url(RandomNumberGenerator.GetBytes(12)),
            Name = name,
            SecretHash = HashGenerated(secret),
            Scopes = string.Join(' ', scopes.Distinct()),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = createdBy,
        }, secret);
    }

    /// The provisioned credential of an unattended install (Academy:Xapi:DefaultCredential), with every scope.
    /// Left alone when a credential with that key exists.
    public async Task<bool> EnsureAsync(string key, string secret, string name, CancellationToken cancellationToken)
    {
        if (await Db.Credentials.AnyAsync(c => c.Key == key, cancellationToken)) return false;
        Db.Credentials.Add(new XapiCredential
        {
            Key = key,
            Name = name,
            SecretHash = HashChosen(secret),
            Scopes = XapiScopes.All,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = "configuration",
        });
        await Db.SaveChangesAsync(cancellationToken);
        cache.Forget(key);
        return true;
    }

    public async Task<bool> RevokeAsync(int id, CancellationToken cancellationToken)
    {
        var credential = await Db.Credentials.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (credential is null || credential.RevokedAt is not null) return false;
        credential.RevokedAt = clock.GetUtcNow();
        await Db.SaveChangesAsync(cancellationToken);
        cache.Forget(credential.Key);
        return true;
    }

    public static string HashGenerated(string secret) => "sha256:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string HashChosen(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, Pbkdf2Iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2:{Pbkdf2Iterations}:{Convert.ToBase64String(salt)}:{Convert.ToBase64String(hash)}";
    }

    private bool Verify(string stored, string secret, bool allowSlowCheck)
    {
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        if (stored.StartsWith("sha256:", StringComparison.Ordinal))
        {
            var expected = Convert.FromBase64String(stored[7..]);
            return CryptographicOperations.FixedTimeEquals(expected, SHA256.HashData(secretBytes));
        }
        if (cache.Known.TryGetValue(stored, out var known))
            return CryptographicOperations.FixedTimeEquals(known, SHA256.HashData(secretBytes));
        var parts = stored.Split(':');
        if (parts.Length != 4 || parts[0] != "pbkdf2") return false;
        var memo = Convert.ToBase64String(SHA256.HashData([.. Encoding.UTF8.GetBytes(stored), .. secretBytes]));
        if (cache.Verified.ContainsKey(memo)) return true;
        if (!allowSlowCheck) return false;
        var hash = Rfc2898DeriveBytes.Pbkdf2(secretBytes, Convert.FromBase64String(parts[2]), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), HashAlgorithmName.SHA256, 32);
        if (!CryptographicOperations.FixedTimeEquals(hash, Convert.FromBase64String(parts[3]))) return false;
        cache.Verified.TryAdd(memo, 0);
        return true;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// Successful PBKDF2 checks, keyed by a SHA-256 of (stored hash, secret), and the credentials read in the
/// last second. A credential revoked on this node is forgotten at once; one revoked on another node is
/// refused here within a second (Lifetime).
public sealed class XapiSecretCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);
    // Unknown keys are remembered too, so guessing keys could fill memory: past this many entries the
    // stale ones go, and if all are fresh, all go.
    private const int Capacity = 10_000;

    /// A credential as read: SecretHash null when no usable credential has the key; Caller null for a
    /// launch credential, which a right secret reads again.
    public sealed record Credential(string? SecretHash, XapiCaller? Caller, DateTimeOffset ExpiresAt);

    private readonly ConcurrentDictionary<string, (Credential Credential, long ReadAt)> credentials = new(StringComparer.Ordinal);

    public Credential? Lookup(string key) =>
        credentials.TryGetValue(key, out var entry) && Environment.TickCount64 - entry.ReadAt < Lifetime.TotalMilliseconds ? entry.Credential : null;

    public void RememberUnknown(string key) => Remember(key, new Credential(null, null, DateTimeOffset.MaxValue));

    public void Remember(string key, Credential credential)
    {
        var now = Environment.TickCount64;
        if (credentials.Count >= Capacity)
            foreach (var (old, entry) in credentials)
                if (now - entry.ReadAt >= Lifetime.TotalMilliseconds) credentials.TryRemove(old, out _);
        if (credentials.Count >= Capacity) credentials.Clear();
        credentials[key] = (credential, now);
    }

    public void Forget(string key) => credentials.TryRemove(key, out _);

    public ConcurrentDictionary<string, byte> Verified { get; } = new();
    /// Stored PBKDF2 hash → SHA-256 of the secret, for the configured credential this process knows the
    /// secret of (checked against the stored hash at start).
    public ConcurrentDictionary<string, byte[]> Known { get; } = new();
}

/// Failed authentications per client address (per node), a fixed window: a client over the limit gets
/// 429 for any credential that does not pass a cheap check, so guessing is slow and costs the LRS no
/// PBKDF2, while a working client behind the same address keeps working.
public sealed class XapiFailedAuthentications(XapiOptions options)
{
    private readonly System.Threading.RateLimiting.PartitionedRateLimiter<string> limiter =
        System.Threading.RateLimiting.PartitionedRateLimiter.Create<string, string>(client =>
            System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(client, _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, options.FailedAuthenticationsPerMinute),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    public bool IsThrottled(string client) => limiter.GetStatistics(client)?.CurrentAvailablePermits <= 0;

    public void Record(string client)
    {
        using var _ = limiter.AttemptAcquire(client);
    }
}
