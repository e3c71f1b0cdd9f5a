namespace Academy.Notifications.Data;

/// An email waiting to be sent, or sent. Rows are kept after sending as the record of what went out.
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string? HtmlBody { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public int Attempts { get; set; }
    /// When the next try is due; back-off moves it further out after each failure.
    public DateTimeOffset NextAttemptAt { get; set; }
    /// A sender holds the message until this time, so that two job servers never send it twice.
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}
