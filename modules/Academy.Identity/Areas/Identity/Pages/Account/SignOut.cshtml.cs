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

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        await signIn.SignOutAsync();
        // Then the modules end what they handed out for the person's sessions (the LRS's launch credentials).
        if (userId is not null)
            foreach (var listener in listeners) await listener.SignedOutAsync(userId, cancellationToken);
        return RedirectToPage();
    }
}
