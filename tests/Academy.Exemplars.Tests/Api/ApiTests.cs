using System.Net.Http.Json;
using System.Text.Json;
using Academy.Exemplars.Tests.Support;

namespace Academy.Exemplars.Tests.Api;

public sealed class ApiTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string Trust = "RAL";

    [Fact]
    public async Task GetPortfolio_AsReviewer_AnswersEveryExemplarWithExactAmounts()
    {
        var reviewer = await Arrange.ReviewerAsync(site);

        var items = await reviewer.GetFromJsonAsync<JsonElement>("/api/exemplars/portfolio?region=London");

        Assert.All(items.EnumerateArray(), i => Assert.Equal("London", i.GetProperty("region").GetString()));
        var royalFree = items.EnumerateArray().Single(i => i.GetProperty("odsCode").GetString() == Trust);
        Assert.Equal(10_000_000.00m, royalFree.GetProperty("allocation").GetDecimal());
    }

    [Fact]
    public async Task GetMilestones_AsTheTrustLead_AnswersTheTimelineWithTheReasonForAtRisk()
    {
        var lead = await Arrange.LeadAsync(site, Trust);
        var id = await Arrange.MilestoneAsync(site, Trust, m => { m.ForecastDate = new DateOnly(2018, 4, 11); m.Status = Data.MilestoneStatus.AtRisk; });

        var items = await lead.GetFromJsonAsync<JsonElement>($"/api/exemplars/trusts/{Trust}/milestones");

        var milestone = items.EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id);
        Assert.Equal("AtRisk", milestone.GetProperty("status").GetString());
        Assert.Equal("2018-04-11", milestone.GetProperty("forecastDate").GetString());
        Assert.Contains("10 days after the baseline date", milestone.GetProperty("why").GetString());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheThreeReadEndpoints()
    {
        var learner = await site.SignInAsNewUserAsync(Arrange.NewEmail("learner"), [Roles.Learner]);

        var document = await learner.GetFromJsonAsync<JsonElement>("/api/exemplars/openapi.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/exemplars/portfolio", paths);
        Assert.Contains("/api/exemplars/trusts/{odsCode}/milestones", paths);
        Assert.Contains("/api/exemplars/lessons", paths);
    }
}
