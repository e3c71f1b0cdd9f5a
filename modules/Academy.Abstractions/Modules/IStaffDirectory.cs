namespace Academy.Modules;

/// The members of staff who hold a role, so that a module can email them by name. Accounts are owned
/// by the identity module; other modules read them only through this.
public interface IStaffDirectory
{
    /// Everyone in <paramref name="role"/> who can sign in (accounts disabled for good are left out), by name.
    /// With <paramref name="trustOdsCode"/>, only members of that trust (for the trust-scoped roles, CCIO and TrustLead).
    Task<IReadOnlyList<StaffMember>> InRoleAsync(string role, string? trustOdsCode, CancellationToken cancellationToken = default);

    /// The name a person gave Academy ("" when they gave none; null when no account has this id), never their email,
    /// so a caller may show it in public (a certificate's verification page). For work done away from the person's
    /// own request, where there is no sign-in to read the name claim from (the progress projection issuing a certificate).
    Task<string?> DisplayNameAsync(string userId, CancellationToken cancellationToken = default);

    /// The names of the people with these email addresses (records keep the address of whoever acted; pages show
    /// the person's name). An address with no account, or an account with no name, answers the address itself.
    Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> emails, CancellationToken cancellationToken = default);

    /// The accounts that can sign in with these email addresses (any letter case), in batches so that a file of
    /// 10,000 addresses is a few queries (enrolment upload). Addresses with no account, or a disabled one, are left out.
    Task<IReadOnlyList<StaffAccount>> AccountsByEmailAsync(IEnumerable<string> emails, CancellationToken cancellationToken = default);

    /// The same for user ids, for work done away from the person's request (a reminder job emailing learners).
    Task<IReadOnlyList<StaffAccount>> AccountsByIdAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default);
}

/// A person's account as other modules may see it: who, how to email them, and their trust (if any).
public sealed record StaffAccount(string UserId, string Email, string DisplayName, string? TrustOdsCode);

public sealed record StaffMember(string Email, string DisplayName, string? TrustOdsCode);
