using System.Security.Claims;

namespace Academy.Learning;

/// Who may do what in the Digital Academy.
public static class LearningAccess
{
    /// Course authors write and publish courses; administrators may too.
    public const string AuthorRoles = $"{Roles.CourseAuthor},{Roles.Administrator}";

    public static bool IsCourseAuthor(this ClaimsPrincipal user) => user.IsInRole(Roles.CourseAuthor) || user.IsInRole(Roles.Administrator);
}
