using Academy.Identity.Accounts;
using Academy.Identity.Data;
using Academy.Modules;
using Academy.Notifications;
using Academy.Theme.Nhs.Forms;
using FluentValidation;
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
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SelectedRoles = [Roles.Learner];
        await LoadTrustOptionsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Email = Email?.Trim() ?? "";
        DisplayName = DisplayName?.Trim() ?? "";
        await LoadTrustOptionsAsync(cancellationToken);
        // 200, as before this page had a validator: its tests pin it (PeopleAdministrationTests).
        await this.ThrowIfInvalidAsync(new Validator(users), cancellationToken, StatusCodes.Status200OK);

        var user = new AcademyUser
        {
            UserName = Email, Email = Email, DisplayName = DisplayName, EmailConfirmed = true, CreatedAt = clock.GetUtcNow(),
            TrustOdsCode = string.IsNullOrEmpty(TrustOdsCode) ? null : TrustOdsCode,
        };
        var failed = await Invitation.CreateAccountAsync(db, users, outbox, user, SelectedRoles.Distinct(),
            created => Invitation.MessageAsync(users, links, created), cancellationToken);
        if (failed.Count > 0) throw FormValidation.Refused(failed.Select(error => (nameof(Email), error)), StatusCodes.Status200OK);
        return RedirectToPage("Edit", new { id = user.Id, done = EditUserModel.Done.Added });
    }

    /// The fields, then the roles and trust; the address is looked up only once it is one.
    public sealed class Validator : AbstractValidator<NewUserModel>
    {
        public Validator(UserManager<AcademyUser> users)
        {
            RuleFor(p => p.DisplayName).TheirFullName();
            RuleFor(p => p.Email).Cascade(CascadeMode.Stop).TheirEmailAddress()
                .MustAsync(async (email, _) => await users.FindByEmailAsync(email!) is null)
                .WithMessage("An account already uses this email address: find it in the list of users to change it");
            Include(new RolesAndTrustValidator<NewUserModel>());
        }
    }
}
