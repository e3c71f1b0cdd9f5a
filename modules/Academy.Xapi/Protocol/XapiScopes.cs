namespace Academy.Xapi.Protocol;

/// The scope names of xAPI 1.0.3 (Communication 4.2, OAuth scopes), used for Basic credentials too.
/// "all" grants everything; "all/read" every GET; "statements/read" includes "statements/read/mine".
public static class XapiScopes
{
    public const string All = "all";
    public const string AllRead = "all/read";
    public const string StatementsWrite = "statements/write";
    public const string StatementsRead = "statements/read";
    /// Read only the statements this credential stored.
    public const string StatementsReadMine = "statements/read/mine";
    /// The State resource.
    public const string State = "state";
    /// The Activity Profile and Agent Profile resources.
    public const string Profile = "profile";
    /// The Activities and Agents resources (definitions the LRS has seen).
    public const string Define = "define";

    public static readonly IReadOnlyList<string> Known = [All, AllRead, StatementsWrite, StatementsRead, StatementsReadMine, State, Profile, Define];

    public static string DisplayName(string scope) => scope switch
    {
        All => "Everything (all)",
        AllRead => "Read everything (all/read)",
        StatementsWrite => "Write statements (statements/write)",
        StatementsRead => "Read all statements (statements/read)",
        StatementsReadMine => "Read only the statements this credential stored (statements/read/mine)",
        State => "State documents (state)",
        Profile => "Activity and agent profiles (profile)",
        Define => "Activities and agents (define)",
        _ => scope,
    };

    /// Whether a credential holding <paramref name="held"/> may do what <paramref name="required"/> allows.
    public static bool Grants(IReadOnlySet<string> held, string required, bool isRead)
    {
        if (held.Contains(All) || held.Contains(required)) return true;
        if (isRead && held.Contains(AllRead)) return true;
        return required == StatementsReadMine && held.Contains(StatementsRead);
    }
}
