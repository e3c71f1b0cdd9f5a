using Microsoft.EntityFrameworkCore;

namespace Academy.Notifications;

public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);

/// Email leaves Academy through an outbox: the message is stored in the same transaction as the
/// change that causes it, and a background job sends it afterwards (retrying until it goes).
public interface IEmailOutbox
{
    /// Saves <paramref name="changes"/> and stores <paramref name="messages"/> in one transaction:
    /// either the change and its emails are both kept, or neither is.
    Task SaveChangesWithEmailAsync(DbContext changes, IEnumerable<EmailMessage> messages, CancellationToken cancellationToken = default);
}
