using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Academy.Theme.Nhs.TagHelpers;

/// A form field in the NHS.UK markup (label, hint, error message, input or textarea or select),
/// bound to a model property: <c>&lt;nhs-field for="Input.Email" label="Email address" type="email" /&gt;</c>.
/// The error state comes from ModelState, so server-side validation shows beside the field.
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

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = FieldIds.For(name);
        var error = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage : null;
        var describedBy = string.Join(' ', new[] { Hint is null ? null : id + "-hint", error is null ? null : id + "-error" }.Where(x => x is not null));

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "nhsuk-form-group" + (error is null ? "" : " nhsuk-form-group--error"));

        var html = output.Content;
        var label = $"<label class=\"nhsuk-label{(LabelIsHeading ? " nhsuk-label--l" : "")}\" for=\"{id}\">{Enc(Label)}</label>";
        html.AppendHtml(LabelIsHeading ? $"<h1 class=\"nhsuk-label-wrapper\">{label}</h1>" : label);
        if (Hint is not null) html.AppendHtml($"<div class=\"nhsuk-hint\" id=\"{id}-hint\">{Enc(Hint)}</div>");
        if (error is not null)
            html.AppendHtml($"<span class=\"nhsuk-error-message\" id=\"{id}-error\"><span class=\"nhsuk-u-visually-hidden\">Error: </span>{Enc(error)}</span>");

        var attributes = new Dictionary<string, object?>();
        if (describedBy.Length > 0) attributes["aria-describedby"] = describedBy;
        if (Autocomplete is not null) attributes["autocomplete"] = Autocomplete;
        if (Inputmode is not null) attributes["inputmode"] = Inputmode;

        TagBuilder field;
        switch (Type)
        {
            case "textarea":
                attributes["class"] = "nhsuk-textarea" + (error is null ? "" : " nhsuk-textarea--error");
                field = generator.GenerateTextArea(ViewContext, For.ModelExplorer, name, Rows, 0, attributes);
                break;
            case "select":
                attributes["class"] = "nhsuk-select" + (error is null ? "" : " nhsuk-select--error");
                field = generator.GenerateSelect(ViewContext, For.ModelExplorer, optionLabel: null, name, Items ?? [], allowMultiple: false, attributes);
                break;
            case "file":
                attributes["class"] = "nhsuk-file-upload" + (error is null ? "" : " nhsuk-file-upload--error");
                attributes["type"] = "file";
                if (Accept is not null) attributes["accept"] = Accept;
                field = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
                field.MergeAttributes(attributes);
                field.MergeAttribute("id", id);
                field.MergeAttribute("name", name);
                break;
            default:
                attributes["class"] = "nhsuk-input" + (Width is null ? "" : " nhsuk-input--width-" + Width) + (error is null ? "" : " nhsuk-input--error");
                attributes["type"] = Type;
                field = Type == "password"
                    ? generator.GeneratePassword(ViewContext, For.ModelExplorer, name, value: null, attributes)
                    : generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model, Type == "date" ? "{0:yyyy-MM-dd}" : null, attributes);
                break;
        }
        // Validation is the server's: the browser's own bubbles would pre-empt the NHS.UK error summary.
        field.Attributes.Remove("data-val");
        foreach (var key in field.Attributes.Keys.Where(k => k.StartsWith("data-val", StringComparison.Ordinal)).ToList())
            field.Attributes.Remove(key);
        html.AppendHtml(field);
    }

    private static string Enc(string text) => HtmlEncoder.Default.Encode(text);
}
