using System.ComponentModel.DataAnnotations;
using Academy.Identity.Data;
using Academy.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Identity.Pages.Account;

/// Self-service registration, open only when the administrator allowed it at setup.
/// A new account is a Learner with no trust; an administrator sets the trust and any other role.
[AllowAnonymous]
public sealed class RegisterModel(UserManager<AcademyUser> users, SignInManager<AcademyUser> signIn, ISiteSettingsStore site, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your full name"), MaxLength(200, ErrorMessage = "Full name must be 200 characters or fewer")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@nhs.net")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter a password")]
        [MinLength(12, ErrorMessage = "Password must be at least 12 characters long")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Confirm your password")]
        [Compare(nameof(Password), ErrorMessage = "Passwords must match")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() =>
        (await site.GetAsync())?.AllowRegistration == true ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if ((await site.GetAsync())?.AllowRegistration != true) return NotFound();
        if (!ModelState.IsValid) return Page();

        var user = new AcademyUser { UserName = Input.Email, Email = Input.Email, DisplayName = Input.DisplayName.Trim(), CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                var field = error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email";
                ModelState.AddModelError(field, error.Code is "DuplicateUserName" or "DuplicateEmail"
                    ? "An account already exists for this email address. Sign in or reset your password"
                    : error.Description);
            }
            return Page();
        }
        await users.AddToRoleAsync(user, Roles.Learner);
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/");
    }
}
