using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace Academy.Testing;

/// Assertions on what a person sees in a page.
public static partial class Html
{
    /// The page shows the NHS.UK error summary with this message, and the same message beside the field. The text is
    /// compared decoded: Razor writes an apostrophe as &#x27; and a £ as &#xA3;, which WebUtility.HtmlEncode does not.
    public static async Task AssertHasFieldErrorAsync(HttpResponseMessage response, string fieldId, string message)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html);
        var summary = Regex.Matches(html, $"<a href=\"#{Regex.Escape(fieldId)}\">(.*?)</a>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));
        Assert.Contains(message, summary);
        var beside = Regex.Matches(html, $"id=\"{Regex.Escape(fieldId)}-error\"><span class=\"nhsuk-u-visually-hidden\">Error: </span>(.*?)</span>")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));
        Assert.Contains(message, beside);
    }

    /// The page's text as a person at a desktop reads it: the column labels that responsive tables repeat in
    /// each cell for phones (hidden from screen readers and at desktop widths) are left out.
    public static string Text(string html) => WebUtility.HtmlDecode(Whitespace().Replace(Tags().Replace(ResponsiveHeadings().Replace(html, " "), " "), " ")).Trim();

    [GeneratedRegex("<[^>]+>")] private static partial Regex Tags();
    [GeneratedRegex("<span class=\"nhsuk-table-responsive__heading\" aria-hidden=\"true\">[^<]*</span>")] private static partial Regex ResponsiveHeadings();
    [GeneratedRegex("\\s+")] private static partial Regex Whitespace();
}
