using AngleSharp.Css.Dom;
using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Academy.Theme.Nhs.Content;

/// Markdown that people write and other people read (return narratives, roadmaps, lessons), as HTML that keeps only
/// what prose needs: the one sanitiser configuration for the whole site. HtmlSanitizer's defaults kept forms, inputs,
/// buttons, style attributes, external images and target=_blank, so a trust lead could draw a fake sign-in form on a
/// reviewer's page (issue 8, point 5). Allowed: what Markdown renders for headings, paragraphs, lists, emphasis,
/// links (http, https, mailto or relative), code, tables, quotes and rules; anything else is removed with its content.
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public static readonly IReadOnlySet<string> Tags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "dl", "dt", "dd",
        "strong", "em", "b", "i", "del", "s", "ins", "mark", "sub", "sup", "abbr",
        "a", "code", "pre", "kbd", "blockquote", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
    };

    private static readonly HtmlSanitizer Sanitizer = Create();

    /// Headings the writer typed sit below the page's own heading at <paramref name="under"/> (with 2, # becomes an
    /// h3 under the page's h2), so the page's outline stays the page's.
    public static HtmlString ToHtml(string? markdown, int under = 0)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        if (under > 0)
            foreach (var heading in Markdig.Syntax.MarkdownObjectExtensions.Descendants<Markdig.Syntax.HeadingBlock>(document))
                heading.Level = Math.Min(6, heading.Level + under);
        return new(Sanitize(document.ToHtml(Pipeline)));
    }

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "title", "colspan", "rowspan", "start", "reversed"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<CssRuleType>(),
            AllowedClasses = new HashSet<string>(),
            AllowDataAttributes = false,
        };
        return new HtmlSanitizer(options) { KeepChildNodes = false };
    }
}
