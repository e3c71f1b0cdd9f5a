using System.ComponentModel.DataAnnotations;
using Academy.Identity.SignIn;
using Academy.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Identity.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(PasswordSignIn passwords, AccountThrottle throttle, ISiteSettingsStore site) : PageModel
{
    public const string FailedMessage = "Enter a correct email address and password";
    public const string TooManyMessage = "There have been too many failed attempts to sign in with this email address. Wait 15 minutes and try again, or reset your password";

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool RegistrationAllowed { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@nhs.net")]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password")]
        [StringLength(1000, ErrorMessage = "Password must be 1,000 characters or fewer")]
        public string Password { get; set; } = "";
    }

    public async Task OnGetAsync() => RegistrationAllowed = (await site.GetAsync())?.AllowRegistration == true;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        RegistrationAllowed = (await site.GetAsync())?.AllowRegistration == true;
        if (!ModelState.IsValid) return Page();

        var client = AccountThrottle.ClientOf(HttpContext);
        if (!await throttle.SignInAllowedAsync(Input.Email, client, cancellationToken))
        {
            // Both refusals stay inline, not through FormErrorsFilter: this one is a 429, and issue 8 fixed their timing.
            ModelState.AddModelError("Input.Email", TooManyMessage);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        if (await passwords.SignInAsync(Input.Email, Input.Password)) return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl!) : RedirectToPage("/Index", new { area = "" });

        // The same words for an unknown email, a wrong password and a disabled account, so the page does not reveal
        // who has an account.
        await throttle.SignInFailedAsync(Input.Email, client, cancellationToken);
        ModelState.AddModelError("Input.Email", FailedMessage);
        return Page();
    }
}
