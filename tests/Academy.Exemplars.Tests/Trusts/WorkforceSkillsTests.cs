using System.Net.Http.Json;
using System.Text.Json;
using Academy.Exemplars.Tests.Support;

namespace Academy.Exemplars.Tests.Trusts;

/// Issue 11 §7: the trust's page, its portfolio row, the JSON API and its OpenAPI document show the trust's workforce
/// digital skills beside its programme. The figures themselves (completions through real statements, moves, expiry)
/// are pinned down in Academy.Learning.Tests' TrustLearningTests; here, what the tracker shows of them.
public sealed class WorkforceSkillsTests(AcademySite site) : IClassFixture<AcademySite>
{
    private static readonly DateOnly Yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

    private async Task OverdueAsync(string trust, int people)
    {
        for (var i = 0; i < people; i++) await Arrange.StaffOnTheStarterCourseAsync(site, trust, Yesterday);
    }

    private Task SelfAssessedAsync(string trust, params (int Now, int Need)[] people) => Arrange.SelfAssessedAsync(site, trust, people);

    [Fact]
    public async Task GetTrustPage_WithFiveSelfAssessedPeople_ShowsTheMeansOfEachDomain()
    {
        await SelfAssessedAsync("RBA", (2, 8), (4, 8), (6, 8), (3, 7), (5, 9));
        var reviewer = await Arrange.ReviewerAsync(site);

        var text = Html.Text(await reviewer.GetStringAsync("/exemplars/trusts/RBA"));
        var skills = await reviewer.GetFromJsonAsync<JsonElement>("/api/exemplars/trusts/RBA/workforce-skills");

        Assert.Contains("Self-assessment 5 people have taken it", text);
        Assert.Contains("Mean ratings of the latest self-assessment of 5 people, from 0 to 10 Domain Where staff are now Where they need to be Gap Data, information and content 4.0 8.0 4.0", text);
        var selfAssessment = skills.GetProperty("selfAssessment");
        Assert.Equal((true, 5, 6), (selfAssessment.GetProperty("shown").GetBoolean(), selfAssessment.GetProperty("people").GetInt32(), selfAssessment.GetProperty("domains").GetArrayLength()));
        var data = selfAssessment.GetProperty("domains").EnumerateArray().First();
        Assert.Equal(("data-information-and-content", 4.0, 8.0, 4.0), (data.GetProperty("domain").GetString(), data.GetProperty("meanNow").GetDouble(), data.GetProperty("meanNeed").GetDouble(), data.GetProperty("gap").GetDouble()));
    }

    [Fact]
    public async Task GetTrustPage_WithFourSelfAssessedPeople_ShowsNoFigureButSaysSoInWords()
    {
        await SelfAssessedAsync("RA7", (2, 8), (4, 8), (6, 8), (3, 7));
        var reviewer = await Arrange.ReviewerAsync(site);

        var text = Html.Text(await reviewer.GetStringAsync("/exemplars/trusts/RA7"));
        var skills = await reviewer.GetFromJsonAsync<JsonElement>("/api/exemplars/trusts/RA7/workforce-skills");

        Assert.Contains("Self-assessment Fewer than 5 people have taken it: no figures are shown", text);
        Assert.DoesNotContain("4 people", text);
        Assert.Equal("{\"shown\":false,\"people\":null,\"withheld\":\"Fewer than 5 people\",\"domains\":null}", skills.GetProperty("selfAssessment").GetRawText());
    }

    [Fact]
    public async Task GetPortfolio_ShowsEachTrustsWorkforceSkillsInItsRow()
    {
        await OverdueAsync("RHM", 3);
        var reviewer = await Arrange.ReviewerAsync(site);

        var text = Html.Text(await reviewer.GetStringAsync("/exemplars/portfolio"));

        var row = text[text.IndexOf("University Hospital Southampton", StringComparison.Ordinal)..];
        Assert.StartsWith("University Hospital Southampton NHS Foundation Trust", row);
        Assert.Contains("Completed: 0 of 3 (0%) People enrolled: 3 Overdue: 3 Self-assessed: fewer than 5 people", row[..600]);
    }

    [Fact]
    public async Task GetPortfolioApi_CarriesEachTrustsWorkforceSkills_WithTheSelfAssessmentWithheldBelowFivePeople()
    {
        await OverdueAsync("RQ6", 2);
        var reviewer = await Arrange.ReviewerAsync(site);

        var items = await reviewer.GetFromJsonAsync<JsonElement>("/api/exemplars/portfolio");

        var skills = items.EnumerateArray().Single(i => i.GetProperty("odsCode").GetString() == "RQ6").GetProperty("workforceSkills");
        Assert.Equal((2, 2, 0, 2), (skills.GetProperty("peopleEnrolled").GetInt32(), skills.GetProperty("enrolments").GetInt32(),
            skills.GetProperty("completed").GetInt32(), skills.GetProperty("overdue").GetInt32()));
        var selfAssessment = skills.GetProperty("selfAssessment");
        Assert.False(selfAssessment.GetProperty("shown").GetBoolean());
        Assert.Equal(JsonValueKind.Null, selfAssessment.GetProperty("people").ValueKind);
        Assert.Equal(JsonValueKind.Null, selfAssessment.GetProperty("domains").ValueKind);
        Assert.Equal("Fewer than 5 people", selfAssessment.GetProperty("withheld").GetString());
    }

    [Fact]
    public async Task GetTrustPage_BelowFiveSelfAssessedPeople_SaysSoInWordsAndShowsNoFigure()
    {
        var lead = await Arrange.LeadAsync(site, "RRK");

        var text = Html.Text(await lead.GetStringAsync("/exemplars/trusts/RRK"));

        Assert.Contains("Self-assessment Fewer than 5 people have taken it: no figures are shown", text);
        Assert.Contains("Digital capability self-assessment Fewer than 5 people of the trust have taken the self-assessment, so no figures are shown.", text);
        Assert.DoesNotContain("Where staff are now", text);
    }

    [Fact]
    public async Task Csv_OfThePortfolio_CarriesTheWorkforceColumns()
    {
        await OverdueAsync("RTH", 1);
        var reviewer = await Arrange.ReviewerAsync(site);

        var lines = (await reviewer.GetStringAsync("/exemplars/portfolio?handler=Csv&table=portfolio")).Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        Assert.EndsWith(",People enrolled,Enrolments,Completed,Overdue,Self-assessment people", lines[0]);
        Assert.EndsWith(",1,1,0,1,Fewer than 5 people", lines.Single(l => l.StartsWith("RTH,", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheWorkforceSkillsEndpointAndFields()
    {
        var learner = await site.SignInAsNewUserAsync(Arrange.NewEmail("learner"), [Roles.Learner]);

        var document = await learner.GetFromJsonAsync<JsonElement>("/api/exemplars/openapi.json");

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/exemplars/trusts/{odsCode}/workforce-skills", out _));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal(["completed", "courses", "enrolments", "odsCode", "overdue", "peopleEnrolled", "selfAssessment"],
            schemas.GetProperty("WorkforceSkillsItem").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(["domains", "people", "shown", "withheld"],
            schemas.GetProperty("SelfAssessmentItem").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        Assert.True(schemas.GetProperty("PortfolioItem").GetProperty("properties").TryGetProperty("workforceSkills", out _));
    }
}
