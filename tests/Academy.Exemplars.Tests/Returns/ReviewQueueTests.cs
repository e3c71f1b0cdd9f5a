using System.Net;
using System.Text.RegularExpressions;
using Academy.Exemplars.Tests.Support;

namespace Academy.Exemplars.Tests.Returns;

public sealed partial class ReviewQueueTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string Trust = "RQ6";

    [Fact]
    public async Task ReturnsToReview_ListsSubmittedReturnsOldestFirst_LinkedFromTheNavigation()
    {
        var lead = await Arrange.LeadAsync(site, Trust);
        var participationId = await Arrange.ParticipationIdAsync(site, Trust);
        var first = await ReturnSteps.StartAsync(lead, Trust, participationId, "2017-03-01");
        var second = await ReturnSteps.StartAsync(lead, Trust, participationId, "2017-06-01");
        var draft = await ReturnSteps.StartAsync(lead, Trust, participationId, "2017-09-01");
        foreach (var id in new[] { first, second })
        {
            await Forms.PostAsync(lead, $"/exemplars/returns/{id}/edit", ReturnSteps.CompleteFields("10"));
            Assert.Equal(HttpStatusCode.Redirect, (await ReturnSteps.SubmitAsync(lead, id)).StatusCode);
        }
        var reviewer = await Arrange.ReviewerAsync(site);

        var html = await reviewer.GetStringAsync("/exemplars/returns/to-review");

        Assert.Contains("href=\"/exemplars/returns/to-review\"", await reviewer.GetStringAsync("/"));
        var listed = ReviewLinks().Matches(html).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.True(listed.IndexOf(first) >= 0 && listed.IndexOf(first) < listed.IndexOf(second), $"Expected {first} before {second} in [{string.Join(",", listed)}]");
        Assert.DoesNotContain(draft, listed);
        var text = Html.Text(html);
        Assert.Contains("1 March 2017 to 31 May 2017", text);
        Assert.Contains("Days waiting", text);
    }

    [Fact]
    public async Task ReturnsToReview_AsTrustLead_IsForbidden()
    {
        var lead = await Arrange.LeadAsync(site, Trust);

        var response = await lead.GetAsync("/exemplars/returns/to-review");

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Redirect });
        Assert.DoesNotContain("href=\"/exemplars/returns/to-review\"", await lead.GetStringAsync("/"));
    }

    [GeneratedRegex(@"href=""/exemplars/returns/(\d+)/review""")] private static partial Regex ReviewLinks();
}
