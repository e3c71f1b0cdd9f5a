using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Academy.Learning.Courses;

/// Course Markdown as HTML: Markdig, then the sanitiser, in this one place. Authors are trusted people,
/// but their text may be pasted from anywhere, and learners read it.
public static class LearningMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
    // The same sanitiser the exemplar tracker uses until the site-wide configuration lands: swap this line for it.
    private static readonly HtmlSanitizer Sanitizer = new();

    public static HtmlString ToHtml(string? markdown) => new(Sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", Pipeline)));

    /// The words of the Markdown without its markup, for the search index.
    public static string ToPlainText(string? markdown) => Markdown.ToPlainText(markdown ?? "", Pipeline);
}
