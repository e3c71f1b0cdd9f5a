namespace Academy.Identity.Data;

/// One signed-in session, kept on the server: the cookie holds only its (encrypted) key, so ending a session is
/// deleting its row, and every web node sees that at once.
public sealed class UserSession
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public byte[] Ticket { get; set; } = [];
    public DateTimeOffset? ExpiresAt { get; set; }
}

/// A sign-in failure or a password-reset request, counted per address and per client to limit guessing and mail
/// floods. Key is a SHA-256 of the address or client, so the table holds no addresses typed by strangers.
public sealed class AccountAttempt
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public string Key { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
