using Markdig;
using Academy.Theme.Nhs.Content;
using Microsoft.AspNetCore.Html;

namespace Academy.Learning.Courses;

/// Course Markdown as HTML: Markdig, then the sanitiser, in this one place. Authors are trusted people,
/// but their text may be pasted from anywhere, and learners read it.
public static class LearningMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// The site's one sanitiser configuration (SafeMarkdown: only what prose needs).
    public static HtmlString ToHtml(string? markdown) => SafeMarkdown.ToHtml(markdown);

    /// The words of the Markdown without its markup, for the search index.
    public static string ToPlainText(string? markdown) => Markdown.ToPlainText(markdown ?? "", Pipeline);
}
