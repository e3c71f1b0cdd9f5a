using System.Text;
using Academy.Identity.Accounts;
using Academy.Identity.Data;
using Academy.Identity.Sessions;
using Academy.Theme.Nhs.Forms;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Academy.Identity.Pages.Account;

[AllowAnonymous]
public sealed class ResetPasswordModel(UserManager<AcademyUser> users, SessionStore sessions) : PageModel
{
    // Nullable, so that MVC adds no implicit "The Email field is required." pointing at a hidden input: a link without
    // them is the validator's to answer, as a dead link.
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    /// Set by an invitation's link: the person has no password yet, so the page asks them to create one.
    [BindProperty(SupportsGet = true)] public bool Invitation { get; set; }

    [BindProperty] public string? Password { get; set; }

    public bool Done { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await this.ThrowIfInvalidAsync(new Validator(), cancellationToken);
        var user = await users.FindByEmailAsync(Email!);
        string token;
        try { token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Token!)); }
        catch (FormatException) { token = ""; }

        var result = user is null || user.IsDisabled ? IdentityResult.Failed() : await users.ResetPasswordAsync(user, token, Password!);
        if (!result.Succeeded)
        {
            // Identity's own checks (the password's rules, the token) are known only once it tries the reset.
            var passwordError = result.Errors.FirstOrDefault(e => e.Code.StartsWith("Password", StringComparison.Ordinal));
            throw FormValidation.Problem(nameof(Password), passwordError?.Description ?? DeadLinkMessage);
        }
        // A reset also clears a lockout (a disabled account never gets this far): the person has proved they own the
        // email address. Every session of the account ends, an attacker's included (issue 8).
        await users.SetLockoutEndDateAsync(user!, null);
        await users.ResetAccessFailedCountAsync(user!);
        await sessions.EndAllAsync(user!.Id);
        Done = true;
        return Page();
    }

    /// What the page says for a link Identity refuses, and for one that lost its email or token on the way (cut short
    /// by a mail client, or pasted in part): either way the person needs a new link, not a new password.
    private string DeadLinkMessage => Invitation
        ? "This link has expired or has already been used. Choose \"Forgotten your password?\" on the sign-in page for a new one"
        : "This reset link has expired or has already been used. Ask for a new link from the sign-in page";

    /// A link without its email or token is answered first, beside the password as a refused token is: the hidden
    /// fields are not something the person can correct. The length is Identity's rule too (IdentityModule), checked
    /// here first for the page's own words.
    public sealed class Validator : AbstractValidator<ResetPasswordModel>
    {
        public Validator() =>
            RuleFor(p => p.Password).Cascade(CascadeMode.Stop)
                .Must((p, _) => !string.IsNullOrWhiteSpace(p.Email) && !string.IsNullOrWhiteSpace(p.Token)).WithMessage(p => p.DeadLinkMessage)
                .NotEmpty().WithMessage("Enter a new password")
                .LongEnough();
    }
}
