using System.Net;
using System.Text.RegularExpressions;

namespace Academy.Testing;

/// Posts a form the way a browser does: fetch the page, take its anti-forgery token, post the fields.
public static partial class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields, string? pageUrl = null)
    {
        var page = await client.GetAsync(pageUrl ?? url);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiForgeryToken(html)
            ?? throw new InvalidOperationException($"No anti-forgery token on {pageUrl ?? url} ({(int)page.StatusCode}).");
        var body = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    public static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string url, MultipartFormDataContent content, string? pageUrl = null)
    {
        var page = await client.GetAsync(pageUrl ?? url);
        var token = AntiForgeryToken(await page.Content.ReadAsStringAsync())
            ?? throw new InvalidOperationException($"No anti-forgery token on {pageUrl ?? url} ({(int)page.StatusCode}).");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(url, content);
    }

    public static string? AntiForgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
