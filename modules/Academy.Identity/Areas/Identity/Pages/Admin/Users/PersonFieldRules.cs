using Academy.Identity.Accounts;
using FluentValidation;

namespace Academy.Identity.Pages.Admin.Users;

/// The name and address an administrator gives a person, alike on Add a person and Change name or email.
internal static class PersonFieldRules
{
    public static IRuleBuilderOptions<T, string?> TheirFullName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("Enter their full name")
            .MaximumLength(200).WithMessage("Full name must be 200 characters or fewer");

    /// Call it after Cascade(CascadeMode.Stop), so that a lookup chained after it runs only on a well-formed address.
    public static IRuleBuilderOptions<T, string?> TheirEmailAddress<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("Enter their email address")
            .StaffEmailAddress()
            .MaximumLength(256).WithMessage("Email address must be 256 characters or fewer");
}
