using Academy.Identity.Data;
using Academy.Notifications;
using Academy.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Academy.Identity.Accounts;

/// The email that invites a person an administrator added to create their password: sent when the account is
/// made, when an administrator sends it again, and when the address of an account without a password changes.
/// The link opens the password page as "Create your password" and works for a day (Identity's reset token).
internal static class Invitation
{
    /// Makes an account with no password, its roles and its invitation email as one change: if any part fails, none
    /// of it is kept. Empty when made; otherwise Identity's reasons (an address already taken, say).
    public static async Task<IReadOnlyList<string>> CreateAccountAsync(AccountsDbContext db, UserManager<AcademyUser> users, IEmailOutbox outbox,
        AcademyUser user, IEnumerable<string> roles, Func<AcademyUser, Task<EmailMessage>> invitation, CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await users.CreateAsync(user);
            if (result.Succeeded) result = await users.AddToRolesAsync(user, roles);
            if (!result.Succeeded) return result.Errors.Select(e => e.Description).ToList();
            await outbox.SaveChangesWithEmailAsync(db, [await invitation(user)], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (IReadOnlyList<string>)[];
        });

    /// The invitation of someone who asked for an account at "Create an account".
    public static async Task<EmailMessage> SelfRegisteredMessageAsync(UserManager<AcademyUser> users, ISiteLinks links, AcademyUser user)
    {
        var link = await PasswordLinks.CreateAsync(users, links, user, invitation: true);
        return new EmailMessage(user.Email!, "Create your Academy password",
            $"Dear {user.DisplayName},\n\nYou asked to create an account on Academy, the NHS Digital Academy.\n\n" +
            $"To create your password and sign in, open this link within 1 day:\n{link}\n\n" +
            $"If the link has expired, choose \"Forgotten your password?\" on the sign-in page and enter {user.Email}.\n\n" +
            "If it was not you, ignore this email: no one can use the account without this link.");
    }

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
