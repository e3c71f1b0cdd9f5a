using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;

namespace Academy.Learning.Certificates;

/// How many certificate lookups (the verify form and the public page) one address may make: a token bucket of
/// Academy:Learning:VerificationsPerMinute (30 by default) refilled each minute. The code space is what makes
/// guessing hopeless (see <see cref="CertificateCode"/>); this only keeps a script from hammering the database.
/// Per node: behind a load balancer the limit is multiplied by the node count, which changes nothing about that.
public sealed class VerificationLimiter(IConfiguration configuration)
{
    public const string PerMinuteKey = "Academy:Learning:VerificationsPerMinute";

    private readonly PartitionedRateLimiter<string> limiter = Create(configuration.GetValue(PerMinuteKey, 30));

    private static PartitionedRateLimiter<string> Create(int perMinute) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, perMinute),
            TokensPerPeriod = Math.Max(1, perMinute),
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// False when this address has used up its lookups for now.
    public bool TryAcquire(IPAddress? address)
    {
        using var lease = limiter.AttemptAcquire(address?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }
}
