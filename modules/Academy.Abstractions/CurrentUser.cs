using System.Security.Claims;

namespace Academy;

public static class CurrentUserExtensions
{
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// The ODS code of the person's trust, or null when they belong to none.
    public static string? TrustOdsCode(this ClaimsPrincipal user) => user.FindFirstValue(AcademyClaims.Trust);

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(AcademyClaims.DisplayName) ?? user.Identity?.Name ?? "";
}
