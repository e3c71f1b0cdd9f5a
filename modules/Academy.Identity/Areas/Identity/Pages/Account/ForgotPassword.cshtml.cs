using Academy.Identity.Accounts;
using Academy.Identity.SignIn;
using Academy.Theme.Nhs.Forms;
using FluentValidation;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Identity.Pages.Account;

[AllowAnonymous]
public sealed class ForgotPasswordModel(AccountThrottle throttle, IBackgroundJobClient jobs) : PageModel
{
    public const string TooManyMessage = "You have asked for too many reset links. Check your email for the last one, or wait 15 minutes and try again";

    [BindProperty] public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // 200, as before this page had a validator: its tests pin it (HostileRequestTests).
        await this.ThrowIfInvalidAsync(new Validator(), cancellationToken, StatusCodes.Status200OK);
        if (!await throttle.ResetAllowedAsync(Email!, AccountThrottle.ClientOf(HttpContext), cancellationToken))
        {
            // Inline, not FormErrorsFilter: the limit answers 429, set on the response itself.
            ModelState.AddModelError(nameof(Email), TooManyMessage);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        // The page says the same, and does the same work, whether or not the account exists: the job looks it up.
        jobs.Enqueue<PasswordResetEmail>(job => job.SendAsync(Email!.Trim(), CancellationToken.None));
        Sent = true;
        return Page();
    }

    public sealed class Validator : AbstractValidator<ForgotPasswordModel>
    {
        public Validator() =>
            RuleFor(p => p.Email).NotEmpty().WithMessage("Enter your email address")
                .AnyEmailAddress()
                .MaximumLength(256).WithMessage("Email address must be 256 characters or fewer");
    }
}
