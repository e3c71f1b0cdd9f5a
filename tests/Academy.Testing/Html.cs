using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Xunit;

namespace Academy.Testing;

/// Assertions on what a person sees in a page.
public static partial class Html
{
    /// The page shows the NHS.UK error summary with this message, and the same message beside the field.
    public static async Task AssertHasFieldErrorAsync(HttpResponseMessage response, string fieldId, string message)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html);
        var encoded = Encoded(html, message);
        Assert.Contains($"<a href=\"#{fieldId}\">{encoded}</a>", html);
        Assert.Contains($"id=\"{fieldId}-error\"><span class=\"nhsuk-u-visually-hidden\">Error: </span>{encoded}</span>", html);
    }

    /// The message as the page encodes it: Razor's encoder writes an apostrophe as &#x27;, WebUtility as &#39;.
    private static string Encoded(string html, string message) =>
        HtmlEncoder.Default.Encode(message) is var razor && html.Contains(razor) ? razor : WebUtility.HtmlEncode(message);

    /// The page's text as a person at a desktop reads it: the column labels that responsive tables repeat in
    /// each cell for phones (hidden from screen readers and at desktop widths) are left out.
    public static string Text(string html) => WebUtility.HtmlDecode(Whitespace().Replace(Tags().Replace(ResponsiveHeadings().Replace(html, " "), " "), " ")).Trim();

    [GeneratedRegex("<[^>]+>")] private static partial Regex Tags();
    [GeneratedRegex("<span class=\"nhsuk-table-responsive__heading\" aria-hidden=\"true\">[^<]*</span>")] private static partial Regex ResponsiveHeadings();
    [GeneratedRegex("\\s+")] private static partial Regex Whitespace();
}
