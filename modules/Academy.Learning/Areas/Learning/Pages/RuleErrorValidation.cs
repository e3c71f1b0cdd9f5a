using Academy.Learning.Courses;
using Academy.Theme.Nhs.Forms;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Learning.Pages;

/// The learning rules (CourseRules, CohortRules, LearnerPreferences, Cmi5Waivers) answer with RuleErrors keyed by
/// field, so that pages, jobs and the API share them. These let a page's validator call them unchanged, and let a page
/// whose rules check and write in one step refuse the form the same way (FormValidation, issue 14 §3). They stay in
/// Learning rather than the theme's FormValidation because RuleError is a Learning type the theme cannot see; they
/// only translate it and hand over to FormValidation.
public static class RuleErrorValidation
{
    /// prefix: the form's model name ("Form.") when the rule's fields are not top-level properties of the page.
    public static void RuleErrors<T>(this AbstractValidator<T> validator, Func<T, IEnumerable<RuleError>> check, string prefix = "") =>
        validator.RuleFor(page => page).Custom((page, context) => Add(context, check(page), prefix));

    public static void RuleErrorsAsync<T>(this AbstractValidator<T> validator, Func<T, CancellationToken, Task<IEnumerable<RuleError>>> check, string prefix = "") =>
        validator.RuleFor(page => page).CustomAsync(async (page, context, cancellationToken) => Add(context, await check(page, cancellationToken), prefix));

    /// For rules that refused a write they also made (a name taken meanwhile, a waiver of a unit no longer waivable).
    public static FormInvalidException Refused(this IEnumerable<RuleError> errors, string prefix = "", int statusCode = StatusCodes.Status400BadRequest) =>
        FormValidation.Refused(errors.Select(e => (prefix + e.Field, e.Message)), statusCode);

    /// The page shown again when the rules (or model binding) found anything; else nothing happens.
    public static void ThrowIfAny(this PageModel page, IEnumerable<RuleError> errors, string prefix = "", int statusCode = StatusCodes.Status400BadRequest) =>
        page.ThrowIfAny(errors.Select(e => (prefix + e.Field, e.Message)), statusCode);

    private static void Add<T>(ValidationContext<T> context, IEnumerable<RuleError> errors, string prefix)
    {
        foreach (var error in errors) context.AddFailure(new ValidationFailure(prefix + error.Field, error.Message));
    }
}
