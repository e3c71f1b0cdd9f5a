using FluentValidation;
using FluentValidation.Results;

namespace Academy.Identity.Pages.Admin.Users;

/// The roles and trust fields of RolesAndTrustForm, for a page that checks its form the site's one way (FormValidation).
public sealed class RolesAndTrustValidator<TPage> : AbstractValidator<TPage> where TPage : RolesAndTrustForm
{
    public RolesAndTrustValidator() => RuleFor(p => p).CustomAsync(async (page, context, cancellationToken) =>
    {
        foreach (var (field, message) in await page.RolesAndTrustProblemsAsync(cancellationToken)) context.AddFailure(new ValidationFailure(field, message));
    });
}
