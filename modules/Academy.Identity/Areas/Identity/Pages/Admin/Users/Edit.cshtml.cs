using Academy.Identity.Data;
using Academy.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Academy.Identity.Pages.Admin.Users;

[Authorize(Policy = Policies.Administrator)]
public sealed class EditUserModel(UserManager<AcademyUser> users, IEnumerable<ITrustDirectory> trustDirectories) : PageModel
{
    [BindProperty] public List<string> SelectedRoles { get; set; } = [];
    [BindProperty] public string? TrustOdsCode { get; set; }

    public string DisplayName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public bool LockedOut { get; private set; }
    public bool Saved { get; private set; }
    public IReadOnlyList<SelectListItem> TrustOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] string id, bool saved, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        SelectedRoles = [.. await users.GetRolesAsync(user)];
        TrustOdsCode = user.TrustOdsCode;
        Saved = saved;
        await LoadAsync(user, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();

        var trusts = await TrustsAsync(cancellationToken);
        if (SelectedRoles.Except(Roles.All).Any()) ModelState.AddModelError(nameof(SelectedRoles), "Select roles from the list");
        if (!string.IsNullOrEmpty(TrustOdsCode) && trusts.All(t => t.OdsCode != TrustOdsCode))
            ModelState.AddModelError(nameof(TrustOdsCode), "Select a trust from the list");
        var trustScoped = SelectedRoles.Intersect([Roles.Ccio, Roles.TrustLead]).ToList();
        if (trustScoped.Count > 0 && string.IsNullOrEmpty(TrustOdsCode))
            ModelState.AddModelError(nameof(TrustOdsCode), $"Select the trust this {Roles.DisplayName(trustScoped[0]).ToLowerInvariant()} works for");
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

    public async Task<IActionResult> OnPostUnlockAsync([FromRoute] string id)
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
        TrustOptions = [new SelectListItem("No trust", ""), .. (await TrustsAsync(cancellationToken)).Select(t => new SelectListItem($"{t.Name} ({t.OdsCode})", t.OdsCode))];
    }

    private async Task<IReadOnlyList<TrustSummary>> TrustsAsync(CancellationToken cancellationToken)
    {
        var all = new List<TrustSummary>();
        foreach (var directory in trustDirectories) all.AddRange(await directory.ListAsync(cancellationToken));
        return all.OrderBy(t => t.Name).ToList();
    }
}
