using System.Security.Claims;
using Academy.Identity.Data;
using Academy.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Identity.Pages.Account;

[AllowAnonymous]
public sealed class SignOutModel(SignInManager<AcademyUser> signIn, IEnumerable<ISignOutListener> listeners) : PageModel
{
    public void OnGet() { }

    /// Ends the session on the server (the session store deletes it, so a copy of the cookie no longer works), then
    /// tells every module that handed out something for it (the LRS's launch credentials).
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        await signIn.SignOutAsync();
        if (userId is not null)
        {
            foreach (var listener in listeners) await listener.SignedOutAsync(userId, cancellationToken);
        }
        return RedirectToPage();
    }
}
