using Academy.Notifications.Data;

namespace Academy.Notifications.Email;

/// Where email goes: SendGrid when an API key is configured, else a pickup folder on disk.
public interface IEmailSender
{
    /// Throws when the message was not accepted; the dispatcher then retries it later.
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

public sealed class EmailOptions
{
    public string FromAddress { get; set; } = "academy@nhs.net";
    public string FromName { get; set; } = "NHS Digital Academy";
}
