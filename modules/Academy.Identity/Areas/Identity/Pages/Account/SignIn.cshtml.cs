using System.ComponentModel.DataAnnotations;
using Academy.Identity.Data;
using Academy.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Identity.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<AcademyUser> signIn, ISiteSettingsStore site) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool RegistrationAllowed { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@nhs.net")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password")]
        public string Password { get; set; } = "";
    }

    public async Task OnGetAsync() => RegistrationAllowed = (await site.GetAsync())?.AllowRegistration == true;

    public async Task<IActionResult> OnPostAsync()
    {
        RegistrationAllowed = (await site.GetAsync())?.AllowRegistration == true;
        if (!ModelState.IsValid) return Page();

        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");

        // Same words for an unknown email and a wrong password, so the page does not reveal who has an account.
        ModelState.AddModelError("Input.Email", result.IsLockedOut
            ? "Your account is locked after too many failed attempts. Try again in 15 minutes or reset your password"
            : "Enter a correct email address and password");
        return Page();
    }
}
