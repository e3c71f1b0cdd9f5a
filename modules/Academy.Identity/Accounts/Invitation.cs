using Academy.Identity.Data;
using Academy.Notifications;
using Academy.Web;
using Microsoft.AspNetCore.Identity;

namespace Academy.Identity.Accounts;

/// The email that invites a person an administrator added to create their password: sent when the account is
/// made, when an administrator sends it again, and when the address of an account without a password changes.
/// The link opens the password page as "Create your password" and works for a day (Identity's reset token).
internal static class Invitation
{
    public static async Task<EmailMessage> MessageAsync(UserManager<AcademyUser> users, ISiteLinks links, AcademyUser user)
    {
        var link = await PasswordLinks.CreateAsync(users, links, user, invitation: true);
        var name = string.IsNullOrEmpty(user.DisplayName) ? user.Email : user.DisplayName;
        return new EmailMessage(user.Email!, "You have an Academy account",
            $"Dear {name},\n\nAn administrator has made you an account on Academy, the NHS Digital Academy and exemplar programme service.\n\n" +
            $"To create your password and sign in, open this link within 1 day:\n{link}\n\n" +
            $"If the link has expired, choose \"Forgotten your password?\" on the sign-in page and enter {user.Email}.");
    }
}
