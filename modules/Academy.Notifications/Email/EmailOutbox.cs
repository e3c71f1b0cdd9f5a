using Academy.Data;
using Academy.Notifications.Data;
using Academy.Notifications.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Academy.Notifications.Email;

internal sealed class EmailOutbox(ModuleDbContextFactory<NotificationsDbContext> outboxContexts, IBackgroundJobClient jobs, TimeProvider clock) : IEmailOutbox
{
    public async Task SaveChangesWithEmailAsync(DbContext changes, IEnumerable<EmailMessage> messages, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var rows = messages.Select(m => new OutboxMessage
        {
            To = m.To, Subject = m.Subject, TextBody = m.TextBody, HtmlBody = m.HtmlBody, CreatedAt = now, NextAttemptAt = now,
        }).ToList();

        var ownsTransaction = changes.Database.CurrentTransaction is null;
        var strategy = changes.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var owned = ownsTransaction ? await changes.Database.BeginTransactionAsync(cancellationToken) : null;
            await changes.SaveChangesAsync(cancellationToken);

            await using var outbox = outboxContexts.CreateOn(changes.Database.GetDbConnection(), changes.Database.CurrentTransaction!.GetDbTransaction());
            outbox.OutboxMessages.AddRange(rows);
            await outbox.SaveChangesAsync(cancellationToken);

            if (owned is not null) await owned.CommitAsync(cancellationToken);
        });

        // Send now rather than at the next sweep. If the caller still holds the transaction, the job
        // may find nothing yet; the minute-by-minute sweep sends it once committed.
        foreach (var row in rows) jobs.Enqueue<OutboxDispatcher>(d => d.SendAsync(row.Id, CancellationToken.None));
    }
}
