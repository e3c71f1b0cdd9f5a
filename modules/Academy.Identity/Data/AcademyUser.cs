using Microsoft.AspNetCore.Identity;

namespace Academy.Identity.Data;

/// A member of NHS staff with an Academy account.
public sealed class AcademyUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// The ODS code of the one trust the person belongs to, if any (trusts are owned by the exemplar module).
    public string? TrustOdsCode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
