using Academy.Identity.Data;
using Academy.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Identity.Pages.Admin.Users;

[Authorize(Policy = Policies.Administrator)]
public sealed class EditUserModel(UserManager<AcademyUser> users, IEnumerable<ITrustDirectory> trustDirectories) : RolesAndTrustForm(trustDirectories)
{

    public string DisplayName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public bool LockedOut { get; private set; }
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
        // The person's next request signs them in again with the new roles and trust.
        await users.UpdateSecurityStampAsync(user);
        return RedirectToPage(new { id, saved = true });
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return RedirectToPage(new { id, saved = true });
    }

    private async Task LoadAsync(AcademyUser user, CancellationToken cancellationToken)
    {
        DisplayName = string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? "" : user.DisplayName;
        Email = user.Email ?? "";
        LockedOut = await users.IsLockedOutAsync(user);
        await LoadTrustOptionsAsync(cancellationToken);
    }
}
