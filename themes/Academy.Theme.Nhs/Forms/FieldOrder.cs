using System.Text.Encodings.Web;
using Academy.Theme.Nhs.TagHelpers;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Academy.Theme.Nhs.Forms;

/// The order in which a page renders its fields, so that the error summary lists errors in the order of the
/// fields on the page (as the design system asks), whatever order the page's checks ran in.
public static class FieldOrder
{
    private static readonly object Key = new();

    /// Called by each field as it renders (nhs-field, radios, date inputs, hand-written fields).
    public static void Record(HttpContext http, string modelStateKey)
    {
        if (http.Items[Key] is not List<string> keys) http.Items[Key] = keys = [];
        if (!keys.Contains(modelStateKey)) keys.Add(modelStateKey);
    }

    public static List<string> Rendered(HttpContext http) => http.Items[Key] as List<string> ?? [];
}

/// The NHS.UK error summary. It is written out only when the page has finished rendering (Razor buffers
/// the page and writes this object last), so it knows the order of every field below it. Errors on keys no
/// field rendered (a form-wide problem, key "") come first, then the fields in page order.
public sealed class ErrorSummary(ViewContext view) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var errors = view.ViewData.ModelState
            .Where(e => e.Value?.Errors.Count > 0)
            .SelectMany(e => e.Value!.Errors.Select(err => (e.Key, err.ErrorMessage)))
            .ToList();
        if (errors.Count == 0) return;
        var order = FieldOrder.Rendered(view.HttpContext);
        var ordered = errors
            .Select((e, i) => (e.Key, e.ErrorMessage, Position: order.IndexOf(e.Key) is var p and >= 0 ? p : -1, Index: i))
            .OrderBy(e => e.Position).ThenBy(e => e.Index);
        writer.Write("""<div class="nhsuk-error-summary" data-module="nhsuk-error-summary" tabindex="-1"><div role="alert"><h2 class="nhsuk-error-summary__heading">There is a problem</h2><div class="nhsuk-error-summary__body"><ul class="nhsuk-list nhsuk-error-summary__list">""");
        foreach (var (key, message, _, _) in ordered)
            writer.Write($"""<li><a href="#{encoder.Encode(FieldIds.For(key))}">{encoder.Encode(message)}</a></li>""");
        writer.Write("</ul></div></div></div>");
    }
}
