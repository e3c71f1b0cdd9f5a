using System.Text;
using Academy.Identity.Data;
using Academy.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Academy.Identity;

/// The link that lets a person choose a password (a reset, or an invitation to a new account), on the site's public
/// address: never on the requesting Host, or the reset token would go to whoever sent the request.
internal static class PasswordLinks
{
    /// An invitation's link opens the page as "Create your password"; the token is the same kind either way.
    public static async Task<string> CreateAsync(UserManager<AcademyUser> users, ISiteLinks links, AcademyUser user, bool invitation = false)
    {
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        // The query is written here, not passed as route values: routing leaves '@' unescaped in a query, and the
        // address people have been sent keeps email=a%40b.
        return links.ToPage("/Account/ResetPassword", "Identity")
            + $"?email={Uri.EscapeDataString(user.Email!)}&token={token}{(invitation ? "&invitation=true" : "")}";
    }
}
