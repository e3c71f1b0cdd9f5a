using FluentValidation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Exemplars.Pages;

/// The same check as ThrowIfInvalidAsync, for the pages whose existing tests pin 200 (not FormErrorsFilter's 400) for a
/// form shown again with its errors: issue 14 §3 keeps every existing test's assertions, so these pages show themselves
/// again. Same validator, same messages and keys, one error per field with model binding's first, summary in page order.
/// When those tests may expect 400, each call becomes <c>await this.ThrowIfInvalidAsync(validator, cancellationToken)</c>.
public static class FormCheck
{
    public static async Task<bool> IsValidAsync<TPage>(this TPage page, IValidator<TPage> validator, CancellationToken cancellationToken)
        where TPage : PageModel
    {
        var result = await validator.ValidateAsync(page, cancellationToken);
        foreach (var failure in result.Errors)
        {
            var key = failure.PropertyName ?? "";
            if (page.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0) continue;
            page.ModelState.AddModelError(key, failure.ErrorMessage);
        }
        return page.ModelState.IsValid;
    }
}
