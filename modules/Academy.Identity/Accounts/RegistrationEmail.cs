using Academy.Identity.Data;
using Academy.Modules;
using Academy.Notifications;
using Academy.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

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
                $"Sign in at {links.To("/account/sign-in")}. If you do not know your password, choose \"Forgotten your password?\" on that page.\n\n" +
                "If it was not you, ignore this email: nothing has changed.")], cancellationToken);
            return;
        }

        var user = new AcademyUser { UserName = email, Email = email, DisplayName = displayName, EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
        // The account, its role and the email are one change: if any part fails, none of it is kept.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await users.CreateAsync(user);
            if (result.Succeeded) result = await users.AddToRoleAsync(user, Roles.Learner);
            // Another request for the same address won the race: it sends the email.
            if (!result.Succeeded) return;
            var link = await PasswordLinks.CreateAsync(users, links, user, invitation: true);
            await outbox.SaveChangesWithEmailAsync(db, [new EmailMessage(user.Email!, "Create your Academy password",
                $"Dear {displayName},\n\nYou asked to create an account on Academy, the NHS Digital Academy.\n\n" +
                $"To create your password and sign in, open this link within 1 day:\n{link}\n\n" +
                $"If the link has expired, choose \"Forgotten your password?\" on the sign-in page and enter {user.Email}.\n\n" +
                "If it was not you, ignore this email: no one can use the account without this link.")], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }
}
