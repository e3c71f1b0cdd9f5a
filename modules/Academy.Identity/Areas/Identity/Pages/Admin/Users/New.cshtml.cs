using System.ComponentModel.DataAnnotations;
using Academy.Identity.Accounts;
using Academy.Identity.Data;
using Academy.Modules;
using Academy.Notifications;
using Academy.Theme.Nhs.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Academy.Web;

namespace Academy.Identity.Pages.Admin.Users;

/// An administrator adds a member of staff: the account, its roles and trust, and an email inviting the person
/// to choose a password, all saved together. Staff need no open registration to get an account this way.
[Authorize(Policy = Policies.Administrator)]
public sealed class NewUserModel(UserManager<AcademyUser> users, AccountsDbContext db, IEmailOutbox outbox, ISiteLinks links, TimeProvider clock, IEnumerable<ITrustDirectory> trustDirectories)
    : RolesAndTrustForm(trustDirectories)
{
    [BindProperty]
    [Required(ErrorMessage = "Enter their full name")]
    [StringLength(200, ErrorMessage = "Full name must be 200 characters or fewer")]
    public string DisplayName { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Enter their email address")]
    [StaffEmailAddress]
    [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
    public string Email { get; set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SelectedRoles = [Roles.Learner];
        await LoadTrustOptionsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Email = Email?.Trim() ?? "";
        DisplayName = DisplayName?.Trim() ?? "";
        var problems = await RolesAndTrustProblemsAsync(cancellationToken);
        if (problems.Count > 0 || !ModelState.IsValid) await ShowAgainAsync(problems, cancellationToken);
        if (await users.FindByEmailAsync(Email) is not null)
            await ShowAgainAsync([(nameof(Email), "An account already uses this email address: find it in the list of users to change it")], cancellationToken);

        var user = new AcademyUser
        {
            UserName = Email, Email = Email, DisplayName = DisplayName, EmailConfirmed = true, CreatedAt = clock.GetUtcNow(),
            TrustOdsCode = string.IsNullOrEmpty(TrustOdsCode) ? null : TrustOdsCode,
        };
        var failed = await Invitation.CreateAccountAsync(db, users, outbox, user, SelectedRoles.Distinct(),
            created => Invitation.MessageAsync(users, links, created), cancellationToken);
        if (failed.Count > 0) await ShowAgainAsync(failed.Select(error => (nameof(Email), error)), cancellationToken);
        return RedirectToPage("Edit", new { id = user.Id, done = EditUserModel.Done.Added });
    }

    /// Always throws: the form again (with its trust list), through FormErrorsFilter.
    private async Task ShowAgainAsync(IEnumerable<(string Field, string Message)> problems, CancellationToken cancellationToken)
    {
        await LoadTrustOptionsAsync(cancellationToken);
        throw FormValidation.Refused(problems, StatusCodes.Status200OK);
    }
}
