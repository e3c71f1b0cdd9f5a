using System.ComponentModel.DataAnnotations;
using System.Text;
using Academy.Identity.Data;
using Academy.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Academy.Identity.Pages.Account;

[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<AcademyUser> users, AccountsDbContext db, IEmailOutbox outbox) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@nhs.net")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();

        // The page says the same whether or not the account exists, so it cannot be used to find accounts.
        var user = await users.FindByEmailAsync(Email);
        if (user is not null)
        {
            var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = $"{Request.Scheme}://{Request.Host}/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&token={token}";
            await outbox.SaveChangesWithEmailAsync(db, [new EmailMessage(user.Email!, "Reset your Academy password",
                $"Someone asked to reset the password of your Academy account.\n\nTo choose a new password, open this link within 1 day:\n{link}\n\nIf it was not you, ignore this email: your password has not changed.")],
                cancellationToken);
        }
        Sent = true;
        return Page();
    }
}
