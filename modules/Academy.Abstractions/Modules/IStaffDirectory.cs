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

    /// The people with these email addresses (any role, any trust; case does not matter), for enrolling them by
    /// address: the caller checks the trust. Addresses with no account are left out.
    Task<IReadOnlyList<StaffPerson>> ByEmailAsync(IEnumerable<string> emails, CancellationToken cancellationToken = default);

    /// The people with these user ids (ids of no account are left out), for showing who is in a cohort.
    Task<IReadOnlyList<StaffPerson>> ByIdAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default);
    /// The user ids of each trust's staff today: the accounts whose trust is that ODS code (disabled accounts left out:
    /// they have left). Keyed by the codes asked for, each present (empty when no one belongs). A person who moves trust
    /// counts for the new one from then on, so a trust's figures are always its workforce as it is now.
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> StaffIdsAsync(IReadOnlyCollection<string> trustOdsCodes, CancellationToken cancellationToken = default);
}

/// A person's account as other modules may see it. <see cref="DisplayName"/> is their email when they gave no
/// name; <see cref="Disabled"/>: the account is disabled for good (they cannot sign in).
public sealed record StaffPerson(string UserId, string Email, string DisplayName, string? TrustOdsCode, IReadOnlyList<string> Roles, bool Disabled);

public sealed record StaffMember(string Email, string DisplayName, string? TrustOdsCode);
