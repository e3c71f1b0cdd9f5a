using Academy.Identity.Accounts;
using Academy.Identity.SignIn;
using Academy.Modules;
using Academy.Theme.Nhs.Forms;
using FluentValidation;
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
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    public async Task OnGetAsync() => RegistrationAllowed = (await site.GetAsync())?.AllowRegistration == true;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        RegistrationAllowed = (await site.GetAsync())?.AllowRegistration == true;
        // 200, as before this page had a validator: its tests pin it (HostileRequestTests).
        await this.ThrowIfInvalidAsync(new Validator(), cancellationToken, StatusCodes.Status200OK);
        var (email, password) = (Input.Email!, Input.Password!);

        var client = AccountThrottle.ClientOf(HttpContext);
        if (!await throttle.SignInAllowedAsync(email, client, cancellationToken))
        {
            // Both refusals stay inline, not through FormErrorsFilter: this one is a 429, and issue 8 fixed their timing.
            ModelState.AddModelError("Input.Email", TooManyMessage);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        if (await passwords.SignInAsync(email, password)) return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl!) : RedirectToPage("/Index", new { area = "" });

        // The same words for an unknown email, a wrong password and a disabled account, so the page does not reveal
        // who has an account.
        await throttle.SignInFailedAsync(email, client, cancellationToken);
        ModelState.AddModelError("Input.Email", FailedMessage);
        return Page();
    }

    public sealed class Validator : AbstractValidator<SignInModel>
    {
        public Validator()
        {
            RuleFor(p => p.Input.Email).NotEmpty().WithMessage("Enter your email address")
                .AnyEmailAddress()
                .MaximumLength(256).WithMessage("Email address must be 256 characters or fewer");
            RuleFor(p => p.Input.Password).NotEmpty().WithMessage("Enter your password")
                .MaximumLength(1000).WithMessage("Password must be 1,000 characters or fewer");
        }
    }
}
