using Academy.Identity.Data;
using Academy.Identity.Sessions;
using Academy.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Identity.Pages.Admin.Users;

[Authorize(Policy = Policies.Administrator)]
public sealed class EditUserModel(UserManager<AcademyUser> users, SignInManager<AcademyUser> signIn, SessionStore sessions, IEnumerable<ITrustDirectory> trustDirectories) : RolesAndTrustForm(trustDirectories)
{
    public string DisplayName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public bool LockedOut { get; private set; }
    public bool Disabled { get; private set; }
    public bool IsSelf { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, bool saved, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        SelectedRoles = [.. await users.GetRolesAsync(user)];
        TrustOdsCode = user.TrustOdsCode;
        Saved = saved;
        await LoadAsync(user, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();

        await ValidateRolesAndTrustAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            await LoadAsync(user, cancellationToken);
            return Page();
        }

        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(SelectedRoles));
        await users.AddToRolesAsync(user, SelectedRoles.Except(current));
        user.TrustOdsCode = string.IsNullOrEmpty(TrustOdsCode) ? null : TrustOdsCode;
        await users.UpdateAsync(user);
        // Every session the person has ends now, on every web node: they sign in again with the new roles and trust
        // (a session kept its old roles for half an hour before, issue 8).
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(user.Id, cancellationToken);
        // An administrator who changed their own roles keeps working in this browser, with the new roles.
        if (user.Id == users.GetUserId(User)) await signIn.SignInAsync(user, isPersistent: false);
        return RedirectToPage(new { id, saved = true });
    }

    /// Unlocks a locked account, or enables a disabled one.
    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return RedirectToPage(new { id, saved = true });
    }

    /// Disables the account: the person cannot sign in or reset the password, is emailed nothing, and every session
    /// they have ends now.
    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (user.Id == users.GetUserId(User))
        {
            ModelState.AddModelError("", "You cannot disable your own account");
            SelectedRoles = [.. await users.GetRolesAsync(user)];
            TrustOdsCode = user.TrustOdsCode;
            await LoadAsync(user, cancellationToken);
            return Page();
        }
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, AcademyUser.DisabledUntil);
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(user.Id, cancellationToken);
        return RedirectToPage(new { id, saved = true });
    }

    private async Task LoadAsync(AcademyUser user, CancellationToken cancellationToken)
    {
        DisplayName = string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? "" : user.DisplayName;
        Email = user.Email ?? "";
        Disabled = user.IsDisabled;
        LockedOut = !Disabled && await users.IsLockedOutAsync(user);
        IsSelf = user.Id == users.GetUserId(User);
        await LoadTrustOptionsAsync(cancellationToken);
    }
}
