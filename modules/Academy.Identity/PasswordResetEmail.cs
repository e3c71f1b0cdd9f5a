using Academy.Identity.Data;
using Academy.Notifications;
using Academy.Web;
using Microsoft.AspNetCore.Identity;

namespace Academy.Identity;

/// Emails a reset link to an address if an account uses it. Run as a background job for every request, known
/// address or not, so the forgot-password page does the same work (one enqueue) either way and cannot be timed
/// to find accounts.
public sealed class PasswordResetEmail(UserManager<AcademyUser> users, AccountsDbContext db, IEmailOutbox outbox, ISiteLinks links)
{
    public async Task SendAsync(string email, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.IsDisabled) return;
        var link = await PasswordLinks.CreateAsync(users, links, user);
        await outbox.SaveChangesWithEmailAsync(db, [new EmailMessage(user.Email!, "Reset your Academy password",
            $"Someone asked to reset the password of your Academy account.\n\nTo choose a new password, open this link within 1 day:\n{link}\n\nIf it was not you, ignore this email: your password has not changed.")],
            cancellationToken);
    }
}
