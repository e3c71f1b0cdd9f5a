using System.Security.Claims;
using Academy.Exemplars.Data;
using Microsoft.AspNetCore.Authorization;

namespace Academy.Exemplars;

/// Who may see and change which exemplar records, in one place. Pages and endpoints name a policy (the roles that may
/// use them at all); the trust-scoped rules below then decide which trust's records (another trust's answer 404).
/// National reviewers and administrators see every trust. A trust lead sees and changes only the trust named by the
/// academy:trust claim; a CCIO of that trust reads its record (milestones, returns, claims and the workforce's skills
/// beside them: issue 11 §7) and changes nothing.
public static class ExemplarAccess
{
    /// The trust record's readers: trust leads and CCIOs (their own trust) and the national team.
    public const string TrackerPolicy = "Academy.Exemplars.Tracker";

    /// The navigation names this policy too, so the tracker's roles are written only here.
    public static AuthorizationBuilder AddExemplarPolicies(this AuthorizationBuilder builder) =>
        builder.AddPolicy(TrackerPolicy, p => p.RequireRole(Roles.TrustLead, Roles.Ccio, Roles.NationalReviewer, Roles.Administrator));

    public static bool IsNational(this ClaimsPrincipal user) => user.IsNationalReviewer();

    public static bool IsLeadOf(this ClaimsPrincipal user, Trust trust) => user.Is(Roles.TrustLead, trust);

    public static bool IsCcioOf(this ClaimsPrincipal user, Trust trust) => user.Is(Roles.Ccio, trust);

    /// The trust the person reads as its lead or CCIO, if any (their own).
    public static string? OwnTrust(this ClaimsPrincipal user) =>
        (user.IsTrustLead() || user.IsCcio()) && user.TrustOdsCode() is { Length: > 0 } ods ? ods : null;

    public static bool CanRead(this ClaimsPrincipal user, Trust trust) => user.IsNational() || user.IsLeadOf(trust) || user.IsCcioOf(trust);

    /// Trust records (milestones, evidence, returns, claims, benefits, lessons) are written by the trust's own lead.
    public static bool CanWrite(this ClaimsPrincipal user, Trust trust) => user.IsLeadOf(trust);

    public static bool CanReview(this ClaimsPrincipal user) => user.IsNationalReviewer();

    public static string Email(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "";

    private static bool Is(this ClaimsPrincipal user, string role, Trust trust) =>
        user.IsInRole(role) && user.TrustOdsCode() is { Length: > 0 } ods && string.Equals(ods, trust.OdsCode, StringComparison.OrdinalIgnoreCase);
}
