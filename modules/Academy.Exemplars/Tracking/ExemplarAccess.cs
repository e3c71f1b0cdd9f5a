using System.Security.Claims;
using Academy.Exemplars.Data;

namespace Academy.Exemplars.Tracking;

/// Who may see and change which exemplar records. National reviewers and administrators see every
/// trust; a trust lead sees and changes only the trust named by the academy:trust claim.
public static class ExemplarAccess
{
    public const string TrackerRoles = $"{Roles.TrustLead},{Roles.NationalReviewer},{Roles.Administrator}";

    public static bool IsNational(this ClaimsPrincipal user) => user.IsInRole(Roles.NationalReviewer) || user.IsInRole(Roles.Administrator);

    public static bool IsLeadOf(this ClaimsPrincipal user, Trust trust) =>
        user.IsInRole(Roles.TrustLead) && user.TrustOdsCode() is { Length: > 0 } ods && string.Equals(ods, trust.OdsCode, StringComparison.OrdinalIgnoreCase);

    public static bool CanRead(this ClaimsPrincipal user, Trust trust) => user.IsNational() || user.IsLeadOf(trust);

    /// Trust records (milestones, evidence, returns, claims, benefits, lessons) are written by the trust's own lead.
    public static bool CanWrite(this ClaimsPrincipal user, Trust trust) => user.IsLeadOf(trust);

    public static bool CanReview(this ClaimsPrincipal user) => user.IsInRole(Roles.NationalReviewer) || user.IsInRole(Roles.Administrator);

    public static string Email(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "";
}
