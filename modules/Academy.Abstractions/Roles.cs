using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Academy;

/// The roles of Academy. A person may hold several; CCIO and TrustLead are scoped to the person's trust.
public static class Roles
{
    public const string Learner = "Learner";
    public const string Ccio = "CCIO";
    public const string TrustLead = "TrustLead";
    public const string NationalReviewer = "NationalReviewer";
    public const string Administrator = "Administrator";
    /// Writes and publishes Digital Academy courses, without the rest of an administrator's powers.
    public const string CourseAuthor = "CourseAuthor";

    public static readonly IReadOnlyList<string> All = [Learner, Ccio, TrustLead, NationalReviewer, CourseAuthor, Administrator];

    public static string DisplayName(string role) => role switch
    {
        Ccio => "Chief clinical information officer (CCIO)",
        TrustLead => "Trust programme lead",
        NationalReviewer => "National reviewer",
        CourseAuthor => "Course author",
        _ => role,
    };
}

/// Authorisation policy names shared by every module. Pages name a policy; a page that shows or hides something
/// asks the question below that the policy is built from, so each question's roles are written once (issue 14 §3).
public static class Policies
{
    public const string Administrator = "Academy.Administrator";
    public const string NationalReviewer = "Academy.NationalReviewer";
    public const string TrustLead = "Academy.TrustLead";
    public const string Ccio = "Academy.Ccio";
    public const string SignedIn = "Academy.SignedIn";

    /// Registered by Identity, the module that gives people their roles.
    public static AuthorizationBuilder AddAcademyPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
        .AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsAdministrator()))
        .AddPolicy(NationalReviewer, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsNationalReviewer()))
        .AddPolicy(TrustLead, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsTrustLead()))
        .AddPolicy(Ccio, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsCcio()));

    public static bool IsAdministrator(this ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);

    /// The national team: reviewers, and administrators, who may do everything a reviewer does.
    public static bool IsNationalReviewer(this ClaimsPrincipal user) => user.IsInRole(Roles.NationalReviewer) || user.IsAdministrator();

    /// Holds the role; which trust's records they may touch is each module's trust-scoped rule.
    public static bool IsTrustLead(this ClaimsPrincipal user) => user.IsInRole(Roles.TrustLead);

    public static bool IsCcio(this ClaimsPrincipal user) => user.IsInRole(Roles.Ccio);
}

/// Claims Academy adds to a signed-in person.
public static class AcademyClaims
{
    /// The ODS code of the trust the person belongs to, if any.
    public const string Trust = "academy:trust";
    public const string DisplayName = "academy:name";
}
