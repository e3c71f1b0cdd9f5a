namespace Academy.Modules;

/// Told when a person signs out, so that a module can end what it handed out for their sessions
/// (the LRS revokes the short-lived credentials issued to content the person launched). The identity
/// module calls every registered listener after it has ended the session; a listener must not throw
/// for a person it knows nothing about.
public interface ISignOutListener
{
    Task SignedOutAsync(string userId, CancellationToken cancellationToken = default);
}
