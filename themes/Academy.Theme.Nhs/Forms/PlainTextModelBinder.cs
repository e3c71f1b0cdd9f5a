using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Academy.Theme.Nhs.Forms;

/// Binds every string the site's pages take (form fields, route and query values) as MVC would, then
/// refuses hidden characters and over-long text with an error on the field, so that every form in every
/// module answers hostile text with the error summary rather than storing it or failing later.
/// Pages keep the value (to show it again) and must check ModelState.IsValid before saving.
public sealed class PlainTextModelBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        if (!BindDateParts(bindingContext)) await inner.BindModelAsync(bindingContext);
        if (bindingContext.Result.Model is not string text) return;
        if (PlainText.HasHiddenCharacters(text))
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, PlainText.HiddenCharactersMessage);
        // A field with [MaxChars] is checked by validation with its own wording; every other field has a ceiling.
        else if (!HasOwnLimit(bindingContext.ModelMetadata) && PlainText.Length(text) > PlainText.DefaultMaxLength)
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, PlainText.TooLongMessage(null, PlainText.DefaultMaxLength));
    }

    /// The design system's date input posts a date as three fields (Name.Day, Name.Month, Name.Year): the page
    /// receives them as one string, year-month-day, for its own parsing (2026-2-30 is then "not a real date").
    private static bool BindDateParts(ModelBindingContext context)
    {
        var parts = new[] { "Day", "Month", "Year" }.Select(p => (Key: $"{context.ModelName}.{p}", Value: context.ValueProvider.GetValue($"{context.ModelName}.{p}"))).ToList();
        if (parts.All(p => p.Value == ValueProviderResult.None)) return false;
        // The parts are kept only to show what was typed again; validation visits the combined value, never the
        // parts, so they are marked skipped. Left unvalidated, they made ModelState.IsValid false with no error to
        // show: a browser posts every part even when all are blank, and the page came back with no error summary.
        foreach (var (key, value) in parts)
        {
            context.ModelState.SetModelValue(key, value);
            context.ModelState.MarkFieldSkipped(key);
        }
        var (day, month, year) = (parts[0].Value.FirstValue?.Trim(), parts[1].Value.FirstValue?.Trim(), parts[2].Value.FirstValue?.Trim());
        var text = string.IsNullOrEmpty(day) && string.IsNullOrEmpty(month) && string.IsNullOrEmpty(year) ? null : $"{year}-{month}-{day}";
        context.ModelState.SetModelValue(context.ModelName, text, text);
        context.Result = ModelBindingResult.Success(text);
        return true;
    }

    private static bool HasOwnLimit(ModelMetadata metadata) =>
        metadata is DefaultModelMetadata { Attributes: { } attributes } && attributes.Attributes.OfType<MaxCharsAttribute>().Any();
}

public sealed class PlainTextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.Metadata.ModelType != typeof(string)) return null;
        // Only what people type (forms, queries, addresses): a JSON body or a header has binders of its own.
        var source = context.BindingInfo.BindingSource;
        if (source is not null && source != BindingSource.Form && source != BindingSource.Query && source != BindingSource.Path && source != BindingSource.ModelBinding)
            return null;
        return new PlainTextModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()));
    }
}
