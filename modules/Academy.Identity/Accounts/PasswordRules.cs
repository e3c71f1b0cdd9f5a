using FluentValidation;

namespace Academy.Identity.Accounts;

/// How long a new password must be: Identity's own option (IdentityModule) and the forms that set one (setup, reset and
/// invitation links), which say it in their own words before Identity is asked.
public static class PasswordRules
{
    public const int MinimumLength = 12;

    public static IRuleBuilderOptions<T, string?> LongEnough<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MinimumLength(MinimumLength).WithMessage($"Password must be at least {MinimumLength} characters long");
}
