using Microsoft.AspNetCore.Identity;

namespace Academy.Identity.Data;

/// A member of NHS staff with an Academy account.
public sealed class AcademyUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// The ODS code of the one trust the person belongs to, if any (trusts are owned by the exemplar module).
    public string? TrustOdsCode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// A lockout that never ends is how an administrator disables an account (Identity has no other flag for it).
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    /// Not "== DisabledUntil": SQLite keeps DateTimeOffset to the millisecond, so MaxValue comes back a little short.
    [System.ComponentModel.DataAnnotations.Schema.NotMapped]
    public bool IsDisabled => LockoutEnd?.Year == DisabledUntil.Year;
}
