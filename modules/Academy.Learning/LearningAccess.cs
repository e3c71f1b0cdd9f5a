using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Academy.Learning;

/// Who may do what in the Digital Academy: the module's policies (pages name them) and the questions they are built
/// from (pages that show or hide something ask these), so each question's roles are written once (issue 14 §3).
public static class LearningAccess
{
    /// Course authors write and publish courses; administrators may too.
    public const string CourseAuthorPolicy = "Academy.Learning.CourseAuthor";

    /// CCIOs run their own trust's cohorts; administrators see every trust's (Cohorts.CohortAccess scopes them).
    public const string CohortsPolicy = "Academy.Learning.Cohorts";

    /// CCIOs upload enrolments for their own trust's people; administrators for anyone.
    public const string UploadPolicy = "Academy.Learning.EnrolmentUpload";

    public static AuthorizationBuilder AddLearningPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(CourseAuthorPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsCourseAuthor()))
        .AddPolicy(CohortsPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.CanSeeCohorts()))
        .AddPolicy(UploadPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.CanUploadEnrolments()));

    public static bool IsCourseAuthor(this ClaimsPrincipal user) => user.IsInRole(Roles.CourseAuthor) || user.IsAdministrator();

    public static bool CanSeeCohorts(this ClaimsPrincipal user) => user.IsCcio() || user.IsAdministrator();

    public static bool CanUploadEnrolments(this ClaimsPrincipal user) => user.IsCcio() || user.IsAdministrator();
}
