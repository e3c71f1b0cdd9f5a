using Academy.Notifications.Data;
using Academy.Notifications.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Academy.Notifications.Jobs;

/// Sends what the outbox holds. A message is claimed before it is sent (so two job servers never
/// send it twice), marked sent afterwards, and on failure tried again later with growing back-off.
/// A message is never dropped: after many failures it is still tried every six hours.
public sealed class OutboxDispatcher(NotificationsDbContext db, IEmailSender sender, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromHours(6);
    private const int SweepBatch = 100;

    public static TimeSpan BackOff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackOff.TotalSeconds, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// The recurring sweep: every unsent message whose next attempt is due.
    public async Task SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(SweepBatch)
            .ToListAsync(cancellationToken);
        foreach (var id in due) await SendAsync(id, cancellationToken);
    }

    public async Task SendAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.SentAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, now + Claim), cancellationToken);
        if (claimed == 0) return;

        var message = await db.OutboxMessages.SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            await sender.SendAsync(message, cancellationToken);
            message.SentAt = clock.GetUtcNow();
            message.LastError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            message.Attempts++;
            message.NextAttemptAt = clock.GetUtcNow() + BackOff(message.Attempts);
            message.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            logger.LogWarning(ex, "Email {OutboxId} to {To} failed (attempt {Attempts}); next try at {NextAttemptAt}",
                message.Id, message.To, message.Attempts, message.NextAttemptAt);
        }
        message.LockedUntil = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
