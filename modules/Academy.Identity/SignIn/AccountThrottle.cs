using System.Security.Cryptography;
using System.Text;
using Academy.Identity.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Academy.Identity.SignIn;

/// How many sign-in failures and reset requests are allowed in each window (Academy:Accounts:Limits).
public sealed class AccountLimits
{
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
    /// One client guessing one person's password. Counted per address and client together, so that someone
    /// elsewhere cannot lock a person out by failing on purpose, as Identity's own lockout allowed.
    public int FailedSignInsPerAddressAndClient { get; set; } = 5;
    /// Many clients guessing one person's password.
    public int FailedSignInsPerAddress { get; set; } = 20;
    /// One client trying many addresses (a whole trust can share one address behind its NAT, hence generous).
    public int FailedSignInsPerClient { get; set; } = 100;
    public int ResetRequestsPerAddress { get; set; } = 3;
    public int ResetRequestsPerClient { get; set; } = 20;
}

/// Counts attempts in the accounts database, so every web node counts the same ones. Whether an address has an
/// account plays no part: the limits and their messages are the same for addresses nobody uses.
public sealed class AccountThrottle(AccountsDbContext db, IOptions<AccountLimits> options, TimeProvider clock)
{
    private const string SignInBoth = "sign-in:address+client", SignInAddress = "sign-in:address", SignInClient = "sign-in:client";
    private const string ResetAddress = "reset:address", ResetClient = "reset:client";
    private AccountLimits Limits => options.Value;

    public static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public async Task<bool> SignInAllowedAsync(string email, string client, CancellationToken cancellationToken) =>
        await CountAsync(SignInBoth, Key(email, client), cancellationToken) < Limits.FailedSignInsPerAddressAndClient
        && await CountAsync(SignInAddress, Key(email), cancellationToken) < Limits.FailedSignInsPerAddress
        && await CountAsync(SignInClient, Key(client), cancellationToken) < Limits.FailedSignInsPerClient;

    public Task SignInFailedAsync(string email, string client, CancellationToken cancellationToken) =>
        RecordAsync(cancellationToken, (SignInBoth, Key(email, client)), (SignInAddress, Key(email)), (SignInClient, Key(client)));

    /// Counts the request too, when it is allowed.
    public async Task<bool> ResetAllowedAsync(string email, string client, CancellationToken cancellationToken)
    {
        if (await CountAsync(ResetAddress, Key(email), cancellationToken) >= Limits.ResetRequestsPerAddress
            || await CountAsync(ResetClient, Key(client), cancellationToken) >= Limits.ResetRequestsPerClient) return false;
        await RecordAsync(cancellationToken, (ResetAddress, Key(email)), (ResetClient, Key(client)));
        return true;
    }

    private Task<int> CountAsync(string kind, string key, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - Limits.Window;
        return db.Attempts.CountAsync(a => a.Kind == kind && a.Key == key && a.At > since, cancellationToken);
    }

    private async Task RecordAsync(CancellationToken cancellationToken, params (string Kind, string Key)[] attempts)
    {
        var now = clock.GetUtcNow();
        var expired = now - Limits.Window;
        await db.Attempts.Where(a => a.At < expired).ExecuteDeleteAsync(cancellationToken);
        db.Attempts.AddRange(attempts.Select(a => new AccountAttempt { Kind = a.Kind, Key = a.Key, At = now }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Key(params string[] parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts.Select(p => p.Trim().ToUpperInvariant())))));
}
