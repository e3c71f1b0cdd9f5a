using System.Net;
using System.Text.RegularExpressions;

namespace Academy.Exemplars.Tests.Support;

/// Like Html.AssertHasFieldErrorAsync, but compares decoded text, so that messages with a £ sign
/// (which Razor encodes as &#xA3;) can be asserted too.
public static class FieldErrors
{
    public static async Task AssertAsync(HttpResponseMessage response, string fieldId, string message)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html);
        var summary = Regex.Matches(html, $"<a href=\"#{Regex.Escape(fieldId)}\">(.*?)</a>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));
        Assert.Contains(message, summary);
        var beside = Regex.Match(html, $"id=\"{Regex.Escape(fieldId)}-error\"><span class=\"nhsuk-u-visually-hidden\">Error: </span>(.*?)</span>");
        Assert.True(beside.Success, $"No error beside #{fieldId}");
        Assert.Equal(message, WebUtility.HtmlDecode(beside.Groups[1].Value));
    }
}
