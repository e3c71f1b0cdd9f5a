using System.ComponentModel.DataAnnotations;
using Academy.Identity.Data;
using Academy.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Academy.Web;

namespace Academy.Identity.Pages.Account;

[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<AcademyUser> users, AccountsDbContext db, IEmailOutbox outbox, ISiteLinks links) : PageModel
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
            var link = await PasswordLinks.CreateAsync(users, links, user);
            await outbox.SaveChangesWithEmailAsync(db, [new EmailMessage(user.Email!, "Reset your Academy password",
                $"Someone asked to reset the password of your Academy account.\n\nTo choose a new password, open this link within 1 day:\n{link}\n\nIf it was not you, ignore this email: your password has not changed.")],
                cancellationToken);
        }
        Sent = true;
        return Page();
    }
}
