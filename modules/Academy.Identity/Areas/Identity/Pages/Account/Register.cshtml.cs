using Academy.Identity.Accounts;
using Academy.Identity.SignIn;
using Academy.Modules;
using Academy.Theme.Nhs.Forms;
using FluentValidation;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Identity.Pages.Account;

/// Self-service registration, open only when the administrator allowed it at setup. The page asks for a name and
/// an email address and always answers "Check your email": the job (RegistrationEmail) makes the account and
/// emails its "Create your password" link, or tells an address that has an account already. A new account is a
/// Learner with no trust; an administrator sets the trust and any other role.
[AllowAnonymous]
public sealed class RegisterModel(ISiteSettingsStore site, AccountThrottle throttle, IBackgroundJobClient jobs) : PageModel
{
    public const string TooManyMessage = "You have asked for too many emails to this address. Check your email for the last one, or wait 15 minutes and try again";

    [BindProperty] public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public sealed class InputModel
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() =>
        (await site.GetAsync())?.AllowRegistration == true ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if ((await site.GetAsync())?.AllowRegistration != true) return NotFound();
        await this.ThrowIfInvalidAsync(new Validator(), cancellationToken);
        var email = Input.Email!.Trim();
        // The same limits as reset links: either page sends an email to the address, so together they cannot be
        // used to flood someone's mailbox.
        if (!await throttle.ResetAllowedAsync(email, AccountThrottle.ClientOf(HttpContext), cancellationToken))
        {
            // Inline, not FormErrorsFilter: the limit answers 429, set on the response itself.
            ModelState.AddModelError("Input.Email", TooManyMessage);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        jobs.Enqueue<RegistrationEmail>(job => job.SendAsync(Input.DisplayName!.Trim(), email, CancellationToken.None));
        Sent = true;
        return Page();
    }

    public sealed class Validator : AbstractValidator<RegisterModel>
    {
        public Validator()
        {
            RuleFor(p => p.Input.DisplayName).NotEmpty().WithMessage("Enter your full name")
                .MaximumLength(200).WithMessage("Full name must be 200 characters or fewer");
            RuleFor(p => p.Input.Email).NotEmpty().WithMessage("Enter your email address")
                .StaffEmailAddress();
        }
    }
}
