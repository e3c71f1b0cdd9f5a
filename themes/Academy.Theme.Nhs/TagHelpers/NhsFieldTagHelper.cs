using System.Globalization;
using System.Text.Encodings.Web;
using Academy.Theme.Nhs.Forms;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Academy.Theme.Nhs.TagHelpers;

/// A form field in the NHS.UK markup (label, hint, error message, input or textarea or select, date input),
/// bound to a model property: <c>&lt;nhs-field for="Input.Email" label="Email address" type="email" /&gt;</c>.
/// The error state comes from ModelState, so server-side validation shows beside the field. A property with
/// [MaxChars] gets the design system's character count (textarea); type="date" gets the date input (day,
/// month, year), which PlainTextModelBinder joins into one value again.
[HtmlTargetElement("nhs-field", TagStructure = TagStructure.NormalOrSelfClosing)]
public sealed class NhsFieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    [HtmlAttributeName("for")] public required ModelExpression For { get; set; }
    public required string Label { get; set; }
    public string? Hint { get; set; }
    /// text, email, password, number, date, textarea, select, file
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? Width { get; set; }
    public int Rows { get; set; } = 5;
    public bool LabelIsHeading { get; set; }
    public string? Inputmode { get; set; }
    public IEnumerable<SelectListItem>? Items { get; set; }
    public string? Accept { get; set; }
    /// Adds " (optional)" to the label, as the design system asks of optional fields.
    public bool Optional { get; set; }
    /// Shown before the input, e.g. "£" for money.
    public string? Prefix { get; set; }

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = FieldIds.For(name);
        FieldOrder.Record(ViewContext.HttpContext, name);
        var error = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage : null;
        var maxChars = Type == "textarea" && For.Metadata is DefaultModelMetadata { Attributes: { } attributes }
            ? attributes.Attributes.OfType<MaxCharsAttribute>().FirstOrDefault()?.Length : null;
        var describedBy = string.Join(' ', new[] { maxChars is null ? null : id + "-info", Hint is null && Type != "date" ? null : id + "-hint", error is null ? null : id + "-error" }.Where(x => x is not null));

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "nhsuk-form-group" + (error is null ? "" : " nhsuk-form-group--error") + (maxChars is null ? "" : " nhsuk-character-count"));
        if (maxChars is { } max)
        {
            output.Attributes.SetAttribute("data-module", "nhsuk-character-count");
            output.Attributes.SetAttribute("data-maxlength", max.ToString(CultureInfo.InvariantCulture));
        }

        var html = output.Content;
        var labelText = Enc(Label) + (Optional ? " (optional)" : "");
        if (Type == "date")
        {
            DateInput(html, name, id, labelText, error, describedBy);
            return;
        }
        var label = $"<label class=\"nhsuk-label{(LabelIsHeading ? " nhsuk-label--l" : "")}\" for=\"{id}\">{labelText}</label>";
        html.AppendHtml(LabelIsHeading ? $"<h1 class=\"nhsuk-label-wrapper\">{label}</h1>" : label);
        if (Hint is not null) html.AppendHtml($"<div class=\"nhsuk-hint\" id=\"{id}-hint\">{Enc(Hint)}</div>");
        if (error is not null)
            html.AppendHtml($"<span class=\"nhsuk-error-message\" id=\"{id}-error\"><span class=\"nhsuk-u-visually-hidden\">Error: </span>{Enc(error)}</span>");

        var attributes2 = new Dictionary<string, object?>();
        if (describedBy.Length > 0) attributes2["aria-describedby"] = describedBy;
        if (Autocomplete is not null) attributes2["autocomplete"] = Autocomplete;
        if (Inputmode is not null) attributes2["inputmode"] = Inputmode;

        TagBuilder field;
        switch (Type)
        {
            case "textarea":
                attributes2["class"] = "nhsuk-textarea" + (error is null ? "" : " nhsuk-textarea--error") + (maxChars is null ? "" : " nhsuk-js-character-count");
                field = generator.GenerateTextArea(ViewContext, For.ModelExplorer, name, Rows, 0, attributes2);
                break;
            case "select":
                attributes2["class"] = "nhsuk-select" + (error is null ? "" : " nhsuk-select--error");
                field = generator.GenerateSelect(ViewContext, For.ModelExplorer, optionLabel: null, name, Items ?? [], allowMultiple: false, attributes2);
                break;
            case "file":
                attributes2["class"] = "nhsuk-file-upload" + (error is null ? "" : " nhsuk-file-upload--error");
                attributes2["type"] = "file";
                if (Accept is not null) attributes2["accept"] = Accept;
                field = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
                field.MergeAttributes(attributes2);
                field.MergeAttribute("id", id);
                field.MergeAttribute("name", name);
                break;
            default:
                attributes2["class"] = "nhsuk-input" + (Width is null ? "" : " nhsuk-input--width-" + Width) + (error is null ? "" : " nhsuk-input--error");
                attributes2["type"] = Type;
                field = Type == "password"
                    ? generator.GeneratePassword(ViewContext, For.ModelExplorer, name, value: null, attributes2)
                    : generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model, null, attributes2);
                break;
        }
        // Validation is the server's: the browser's own bubbles would pre-empt the NHS.UK error summary.
        field.Attributes.Remove("data-val");
        foreach (var key in field.Attributes.Keys.Where(k => k.StartsWith("data-val", StringComparison.Ordinal)).ToList())
            field.Attributes.Remove(key);
        if (Prefix is not null)
        {
            html.AppendHtml($"<div class=\"nhsuk-input-wrapper\"><div class=\"nhsuk-input-wrapper__prefix\" aria-hidden=\"true\">{Enc(Prefix)}</div>");
            html.AppendHtml(field);
            html.AppendHtml("</div>");
        }
        else html.AppendHtml(field);
        if (maxChars is { } count)
            html.AppendHtml($"<div class=\"nhsuk-hint nhsuk-character-count__message\" id=\"{id}-info\">You can enter up to {count.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} characters</div>");
    }

    /// components/date-input/fixtures.json: a fieldset of day, month and year. The day input carries the
    /// field's id, so that the error summary's link lands on it.
    private void DateInput(TagHelperContent html, string name, string id, string labelText, string? error, string describedBy)
    {
        var state = ViewContext.ViewData.ModelState;
        var known = DateOnly.TryParseExact(For.Model as string ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        string? Part(string part, int fromModel) =>
            state.TryGetValue($"{name}.{part}", out var posted) ? posted.AttemptedValue : known ? fromModel.ToString(CultureInfo.InvariantCulture) : null;
        html.AppendHtml($"<fieldset class=\"nhsuk-fieldset\" role=\"group\"{(describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : "")}>");
        html.AppendHtml($"<legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--s\">{labelText}</legend>");
        html.AppendHtml($"<div class=\"nhsuk-hint\" id=\"{id}-hint\">{Enc(Hint ?? "For example, 15 3 2027")}</div>");
        if (error is not null)
            html.AppendHtml($"<span class=\"nhsuk-error-message\" id=\"{id}-error\"><span class=\"nhsuk-u-visually-hidden\">Error: </span>{Enc(error)}</span>");
        html.AppendHtml($"<div class=\"nhsuk-date-input\" id=\"{id}-date\">");
        foreach (var (part, text, width, fromModel) in new[] { ("Day", "Day", 2, date.Day), ("Month", "Month", 2, date.Month), ("Year", "Year", 4, date.Year) })
        {
            var partId = part == "Day" ? id : $"{id}-{part.ToLowerInvariant()}";
            html.AppendHtml($"<div class=\"nhsuk-date-input__item\"><div class=\"nhsuk-form-group{(error is null ? "" : " nhsuk-form-group--error")}\">"
                + $"<label class=\"nhsuk-label nhsuk-date-input__label\" for=\"{partId}\">{text}</label>"
                + $"<input class=\"nhsuk-input{(error is null ? "" : " nhsuk-input--error")} nhsuk-input--width-{width} nhsuk-date-input__input\" id=\"{partId}\" name=\"{Enc(name)}.{part}\" type=\"text\" inputmode=\"numeric\" value=\"{Enc(Part(part, fromModel) ?? "")}\"></div></div>");
        }
        html.AppendHtml("</div></fieldset>");
    }

    private static string Enc(string text) => HtmlEncoder.Default.Encode(text);
}
