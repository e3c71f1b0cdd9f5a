using Academy.Learning.Courses;
using FluentValidation;
using FluentValidation.Results;

namespace Academy.Learning.Pages;

/// The learning rules (CourseRules, CohortRules, LearnerPreferences, Cmi5Waivers) answer with RuleErrors keyed by
/// field, so that pages, jobs and the API share them. These let a page's validator call them unchanged, and let a page
/// whose rules check and write in one step refuse the form the same way (FormValidation, issue 14 §3).
public static class RuleErrorValidation
{
    /// prefix: the form's model name ("Form.") when the rule's fields are not top-level properties of the page.
    public static void RuleErrors<T>(this AbstractValidator<T> validator, Func<T, IEnumerable<RuleError>> check, string prefix = "") =>
        validator.RuleFor(page => page).Custom((page, context) => Add(context, check(page), prefix));

    public static void RuleErrorsAsync<T>(this AbstractValidator<T> validator, Func<T, CancellationToken, Task<IEnumerable<RuleError>>> check, string prefix = "") =>
        validator.RuleFor(page => page).CustomAsync(async (page, context, cancellationToken) => Add(context, await check(page, cancellationToken), prefix));

    /// For rules that refused a write they also made (a name taken meanwhile, a waiver of a unit no longer waivable).
    public static ValidationException Refused(this IEnumerable<RuleError> errors, string prefix = "") =>
        new(errors.Select(e => new ValidationFailure(prefix + e.Field, e.Message)));

    private static void Add<T>(ValidationContext<T> context, IEnumerable<RuleError> errors, string prefix)
    {
        foreach (var error in errors) context.AddFailure(new ValidationFailure(prefix + error.Field, error.Message));
    }
}
