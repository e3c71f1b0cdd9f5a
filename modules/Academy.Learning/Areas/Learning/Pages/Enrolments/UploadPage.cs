using Academy.Learning.Enrolments.Uploads;
using System.Security.Claims;

namespace Academy.Learning.Pages.Enrolments;

/// Who may upload enrolments: CCIOs (people of their own trust) and administrators (anyone).
public static class UploadAccess
{
    public static UploadRules.Uploader Uploader(this ClaimsPrincipal user) =>
        new(user.UserId()!, user.IsAdministrator(), user.TrustOdsCode());
}
