using Academy.Identity.Accounts;
using Academy.Identity.Data;
using Academy.Identity.Sessions;
using Academy.Notifications;
using Academy.Theme.Nhs.Forms;
using Academy.Web;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Identity.Pages.Admin.Users;

/// An administrator changes a person's name or email address. The email address is the sign-in name, so a new
/// one replaces the old for signing in; the password stays. Changing it ends every session of the account and
/// voids any password link already sent (both hang on the security stamp), and the person is told at both
/// addresses: the new one to use it (with a fresh invitation if they have no password yet), the old one so that
/// a change they did not expect is noticed.
[Authorize(Policy = Policies.Administrator)]
public sealed class UserDetailsModel(UserManager<AcademyUser> users, SignInManager<AcademyUser> signIn, SessionStore sessions, AccountsDbContext db,
    IEmailOutbox outbox, ISiteLinks links) : PageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }

    public string CurrentName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        CurrentName = Name(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        CurrentName = Name(user);
        Email = Email?.Trim() ?? "";
        DisplayName = DisplayName?.Trim() ?? "";
        var oldEmail = user.Email ?? "";
        var emailChanged = !string.Equals(Email, oldEmail, StringComparison.OrdinalIgnoreCase);
        userId = user.Id;
        await this.ThrowIfInvalidAsync(new Validator(users), cancellationToken);

        user.DisplayName = DisplayName;
        if (!emailChanged)
        {
            await users.UpdateAsync(user);
            if (user.Id == users.GetUserId(User)) await signIn.RefreshSignInAsync(user);
            return RedirectToPage("Edit", new { id, done = EditUserModel.Done.Details });
        }

        user.Email = user.UserName = Email;
        user.NormalizedEmail = users.NormalizeEmail(Email);
        user.NormalizedUserName = users.NormalizeName(Email);
        user.EmailConfirmed = true;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        // The account and both emails are one change: the unique index on the address refuses a race with another
        // administrator, and then nothing is kept.
        var messages = new List<EmailMessage>();
        if (!user.IsDisabled)
        {
            messages.Add(await users.HasPasswordAsync(user)
                ? new EmailMessage(Email, "Your Academy email address has changed",
                    $"Dear {Name(user)},\n\nAn administrator has changed the email address of your Academy account to {Email}. Sign in with it from now on; your password has not changed.\n\n" +
                    $"If you have forgotten your password, choose \"Forgotten your password?\" on the sign-in page: {links.ToPage("/Account/SignIn", "Identity")}")
                : await Invitation.MessageAsync(users, links, user));
            messages.Add(new EmailMessage(oldEmail, "Your Academy email address has changed",
                $"Dear {Name(user)},\n\nAn administrator has changed the email address of your Academy account from {oldEmail} to {Email}. This address can no longer be used to sign in.\n\n" +
                "If you did not expect this, contact the administrator of the service."));
        }
        try
        {
            await outbox.SaveChangesWithEmailAsync(db, messages, cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw FormValidation.Problem(nameof(Email), EmailTaken);
        }
        await sessions.EndAllAsync(user.Id, cancellationToken);
        if (user.Id == users.GetUserId(User)) await signIn.SignInAsync(user, isPersistent: false);
        return RedirectToPage("Edit", new { id, done = EditUserModel.Done.EmailChanged });
    }

    private const string EmailTaken = "Another account already uses this email address";
    private string userId = "";

    /// The address is looked up among the other accounts only once it is one.
    public sealed class Validator : AbstractValidator<UserDetailsModel>
    {
        public Validator(UserManager<AcademyUser> users)
        {
            RuleFor(p => p.DisplayName).TheirFullName();
            RuleFor(p => p.Email).Cascade(CascadeMode.Stop).TheirEmailAddress()
                .MustAsync(async (p, email, _) => await users.FindByEmailAsync(email!) is not { } other || other.Id == p.userId)
                .WithMessage(EmailTaken);
        }
    }

    private static string Name(AcademyUser user) => string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? "" : user.DisplayName;
}
