using System.Text;
using Academy.Modules;
using Academy.Xapi.Contracts;
using Academy.Xapi.Data;
using Academy.Xapi.Protocol;
using Academy.Xapi.Statements;
using Microsoft.EntityFrameworkCore;

namespace Academy.Xapi.Launch;

/// ILaunchCredentials: a credential per launch, confined by LaunchRules, that expires (4 hours by
/// default) and is revoked when the learner signs out. Expired ones are deleted the next time one is
/// issued (one indexed DELETE), so the table holds roughly the launches of the last few hours.
internal sealed class LaunchCredentials(XapiDbContext db, XapiCredentials credentials, XapiOptions options, TimeProvider clock) : ILaunchCredentials, ISignOutListener
{
    /// A launch needs no more than a working day; longer would outlive the shift it was issued for.
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);

    // statements/read is narrowed to the learner's statements by LaunchRules; "profile" to the Agent Profile.
    private static readonly string[] Scopes = [XapiScopes.StatementsWrite, XapiScopes.StatementsRead, XapiScopes.State, XapiScopes.Profile];

    public async Task<LaunchCredential> IssueAsync(LaunchScope scope, TimeSpan? lifetime = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope.Learner);
        if (scope.Registration == Guid.Empty) throw new ArgumentException("A launch needs its registration (a UUID other than the empty one).", nameof(scope));
        if (!StatementValidator.IsIri(scope.ActivityId)) throw new ArgumentException($"The activity id '{scope.ActivityId}' is not an IRI.", nameof(scope));
        var length = lifetime ?? options.LaunchCredentialLifetime;
        if (length <= TimeSpan.Zero || length > MaxLifetime)
            throw new ArgumentOutOfRangeException(nameof(lifetime), length, $"A launch credential lasts more than nothing and at most {MaxLifetime.TotalHours} hours.");

        var now = clock.GetUtcNow();
        await db.Credentials.Where(c => c.ExpiresAt != null && c.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);

        var identity = StatementShape.ActorIdentity(scope.Learner.ToJson())!;
        var name = $"Launch of {scope.ActivityId} for {scope.Learner.Key}";
        var expiresAt = now + length;
        var (credential, secret) = await credentials.IssueLaunchAsync(name.Length > 200 ? name[..200] : name, Scopes,
            new LaunchRestriction(identity, scope.Registration, scope.Cmi5?.AuActivityId ?? scope.ActivityId, scope.Cmi5), expiresAt, cancellationToken);
        var header = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Key}:{secret}"));
        return new LaunchCredential(credential.Key, secret, header, expiresAt);
    }

    public async Task<int> RevokeAsync(XapiAgent learner, CancellationToken cancellationToken = default)
    {
        var identity = StatementShape.ActorIdentity(learner.ToJson())!;
        var now = clock.GetUtcNow();
        return await db.Credentials
            .Where(c => c.LaunchAgent == identity && c.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.RevokedAt, now), cancellationToken);
    }

    public async Task<bool> RevokeKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return await db.Credentials
            .Where(c => c.Key == key && c.LaunchAgent != null && c.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.RevokedAt, now), cancellationToken) > 0;
    }

    /// Identity calls this when a person signs out: whatever content they launched loses the LRS at once.
    public async Task SignedOutAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(userId)) return;
        await RevokeAsync(XapiAgent.Learner(userId), cancellationToken);
    }
}
