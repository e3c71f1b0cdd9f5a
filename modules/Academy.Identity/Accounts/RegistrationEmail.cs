using Academy.Identity.Data;
using Academy.Modules;
using Academy.Notifications;
using Academy.Web;
using Microsoft.AspNetCore.Identity;

namespace Academy.Identity.Accounts;

/// What "Create an account" does, run as a background job for every request so that the page says and does the
/// same whether or not the address has an account (it cannot be used to find out who has one). A new address gets
/// a Learner account with no trust and no password, and an email whose link opens "Create your password": only
/// someone who reads that mailbox can sign in. An address that has an account is told so by email, with the way
/// to sign in or reset the password. A disabled account is sent nothing.
public sealed class RegistrationEmail(UserManager<AcademyUser> users, AccountsDbContext db, IEmailOutbox outbox, ISiteLinks links,
    ISiteSettingsStore site, TimeProvider clock)
{
    public async Task SendAsync(string displayName, string email, CancellationToken cancellationToken)
    {
        if ((await site.GetAsync())?.AllowRegistration != true) return;
        var existing = await users.FindByEmailAsync(email);
        if (existing is { IsDisabled: true }) return;
        if (existing is not null)
        {
            await outbox.SaveChangesWithEmailAsync(db, [new EmailMessage(existing.Email!, "You already have an Academy account",
                $"Someone asked to create an Academy account for {existing.Email}, but you already have one.\n\n" +
                $"Sign in at {links.ToPage("/Account/SignIn", "Identity")}. If you do not know your password, choose \"Forgotten your password?\" on that page.\n\n" +
                "If it was not you, ignore this email: nothing has changed.")], cancellationToken);
            return;
        }

        var user = new AcademyUser { UserName = email, Email = email, DisplayName = displayName, EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
        // A failure here is another request for the same address that won the race: it sends the email.
        await Invitation.CreateAccountAsync(db, users, outbox, user, [Roles.Learner],
            created => Invitation.SelfRegisteredMessageAsync(users, links, created), cancellationToken);
    }
}
