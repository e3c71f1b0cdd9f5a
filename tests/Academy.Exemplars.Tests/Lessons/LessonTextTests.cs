using System.Net;
using System.Text.RegularExpressions;
using Academy.Exemplars.Tests.Support;

namespace Academy.Exemplars.Tests.Lessons;

/// Text as people write it: Markdown in lessons (sanitised, headings below the page's), emoji intact in the list and highlights.
public sealed class LessonTextTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string Trust = "RHM";

    private static async Task<int> PublishedAsync(HttpClient lead, Dictionary<string, string> fields)
    {
        var response = await Forms.PostAsync(lead, "/exemplars/lessons/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(Regex.Match(response.Headers.Location!.OriginalString, @"(\d+)$").Value);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(lead, $"/exemplars/lessons/{id}?handler=Publish", [], $"/exemplars/lessons/{id}")).StatusCode);
        return id;
    }

    [Fact]
    public async Task Lesson_WrittenInMarkdown_ShowsParagraphsListsAndEmphasis_WithHeadingsBelowThePagesOwn()
    {
        var lead = await Arrange.LeadAsync(site, Trust);
        var fields = LessonTests.Fields("Ward go-live", "# Week one\n\nWe went live on **two wards**.\n\n- Floor-walkers\n- Super-users\n\n<script>alert(1)</script>");

        var id = await PublishedAsync(lead, fields);
        var html = await lead.GetStringAsync($"/exemplars/lessons/{id}");

        Assert.Contains("<strong>two wards</strong>", html);
        Assert.Contains("<li>Floor-walkers</li>", html);
        Assert.Matches("<h3[^>]*>Week one</h3>", html);
        Assert.DoesNotMatch("<h1[^>]*>Week one</h1>", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
    }

    [Fact]
    public async Task LessonsList_WithAnEmojiInTheTitle_ShowsTheEmojiWholeInTheListAndTheHighlights()
    {
        var lead = await Arrange.LeadAsync(site, Trust);
        var id = await PublishedAsync(lead, LessonTests.Fields("Pharmacy go-live 💊", "The pharmacy 💊 robot went live."));

        var list = await lead.GetStringAsync("/exemplars/lessons");
        var search = await lead.GetStringAsync("/exemplars/lessons?q=pharmacy");

        Assert.Contains($"href=\"/exemplars/lessons/{id}\"", list);
        foreach (var html in new[] { list, search })
        {
            Assert.Contains("💊", System.Net.WebUtility.HtmlDecode(html));
            Assert.DoesNotContain("&#55357;", html);
            Assert.DoesNotContain("\uFFFD", System.Net.WebUtility.HtmlDecode(html));
        }
        Assert.Contains("<mark>Pharmacy</mark> go-live", search);
    }
}
