using Academy.Identity.Accounts;
using Academy.Identity.Data;
using Academy.Identity.Sessions;
using Academy.Modules;
using Academy.Notifications;
using Academy.Theme.Nhs.Forms;
using Academy.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Identity.Pages.Admin.Users;

[Authorize(Policy = Policies.Administrator)]
public sealed class EditUserModel(UserManager<AcademyUser> users, SignInManager<AcademyUser> signIn, SessionStore sessions, AccountsDbContext db, IEmailOutbox outbox,
    ISiteLinks links, IEnumerable<ITrustDirectory> trustDirectories) : RolesAndTrustForm(trustDirectories)
{
    /// What the administrator just did, for the banner that says it happened.
    public enum Done { None, Saved, Added, Invited, Details, EmailChanged, Disabled, Enabled, Unlocked }

    public string DisplayName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public bool LockedOut { get; private set; }
    public bool Disabled { get; private set; }
    public bool IsSelf { get; private set; }
    /// False until the person has created their password from the invitation.
    public bool HasPassword { get; private set; }
    public Done Happened { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, Done done, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        SelectedRoles = [.. await users.GetRolesAsync(user)];
        TrustOdsCode = user.TrustOdsCode;
        Happened = Enum.IsDefined(done) ? done : Done.None;
        await LoadAsync(user, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();

        await LoadAsync(user, cancellationToken);
        await this.ThrowIfInvalidAsync(new RolesAndTrustValidator<EditUserModel>(), cancellationToken);

        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(SelectedRoles));
        await users.AddToRolesAsync(user, SelectedRoles.Except(current));
        user.TrustOdsCode = string.IsNullOrEmpty(TrustOdsCode) ? null : TrustOdsCode;
        await users.UpdateAsync(user);
        // Every session the person has ends now, on every web node: they sign in again with the new roles and trust
        // (a session kept its old roles for half an hour before, issue 8).
        await EndSessionsAsync(user, cancellationToken);
        return RedirectToPage(new { id, done = Done.Saved });
    }

    /// Emails the invitation again (a new link; the old one works until it expires), while the person has not yet
    /// created a password. Someone who has uses "Forgotten your password?" like everyone else.
    public async Task<IActionResult> OnPostInviteAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (user.IsDisabled || await users.HasPasswordAsync(user))
        {
            SelectedRoles = [.. await users.GetRolesAsync(user)];
            TrustOdsCode = user.TrustOdsCode;
            await LoadAsync(user, cancellationToken);
            throw FormValidation.Problem("", user.IsDisabled
                ? "This account is disabled: enable it before sending the invitation again"
                : "This person has already created their password: they can choose \"Forgotten your password?\" on the sign-in page", StatusCodes.Status200OK);
        }
        await outbox.SaveChangesWithEmailAsync(db, [await Invitation.MessageAsync(users, links, user)], cancellationToken);
        return RedirectToPage(new { id, done = Done.Invited });
    }

    /// Unlocks a locked account, or enables a disabled one.
    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var wasDisabled = user.IsDisabled;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return RedirectToPage(new { id, done = wasDisabled ? Done.Enabled : Done.Unlocked });
    }

    /// Disables the account: the person cannot sign in or reset the password, is emailed nothing, and every session
    /// they have ends now.
    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (user.Id == users.GetUserId(User))
        {
            SelectedRoles = [.. await users.GetRolesAsync(user)];
            TrustOdsCode = user.TrustOdsCode;
            await LoadAsync(user, cancellationToken);
            throw FormValidation.Problem("", "You cannot disable your own account", StatusCodes.Status200OK);
        }
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, AcademyUser.DisabledUntil);
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(user.Id, cancellationToken);
        return RedirectToPage(new { id, done = Done.Disabled });
    }

    /// Ends every session of the person on every node; an administrator changing their own account stays signed in
    /// in this browser, as the account now is.
    private async Task EndSessionsAsync(AcademyUser user, CancellationToken cancellationToken)
    {
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(user.Id, cancellationToken);
        if (user.Id == users.GetUserId(User)) await signIn.SignInAsync(user, isPersistent: false);
    }

    private async Task LoadAsync(AcademyUser user, CancellationToken cancellationToken)
    {
        DisplayName = string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? "" : user.DisplayName;
        Email = user.Email ?? "";
        Disabled = user.IsDisabled;
        LockedOut = !Disabled && await users.IsLockedOutAsync(user);
        IsSelf = user.Id == users.GetUserId(User);
        HasPassword = await users.HasPasswordAsync(user);
        await LoadTrustOptionsAsync(cancellationToken);
    }
}
