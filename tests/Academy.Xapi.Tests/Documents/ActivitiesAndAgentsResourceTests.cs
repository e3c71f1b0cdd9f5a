using System.Net;
using System.Text.Json.Nodes;
using static Academy.Xapi.Tests.Documents.Documents;

namespace Academy.Xapi.Tests.Documents;

/// Communication 2.4 (Agents resource) and 2.5 (Activities resource).
public sealed class ActivitiesAndAgentsResourceTests(LrsSite site) : IClassFixture<LrsSite>
{
    [Fact]
    public async Task Activities_Get_ForAnActivityNeverSeen_ReturnsAnActivityWithItsIdOnly()
    {
        var activity = Statements.NewActivity();

        var response = await site.Lrs().GetAsync(Url("/xapi/activities", ("activityId", activity)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await Json.ReadAsync(response);
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["objectType"] = "Activity", ["id"] = activity }, json), json.ToJsonString());
    }

    // XAPI-00254 (Communication 2.5): the activity carries everything known of it across the statements
    // that define it: language maps merged (a language given again takes the newer text), and any other
    // property the newest value.
    [Fact]
    public async Task XAPI_00254_Activities_Get_MergesTheDefinitionsOfEveryStatement()
    {
        var lrs = site.Lrs();
        var activity = Statements.NewActivity();
        Assert.Equal(HttpStatusCode.OK, (await lrs.PostAsync("/xapi/statements", Json.Content(Statements.Make(activity: activity)))).StatusCode);
        var newer = Statements.Make(activity: activity).With(s => s["object"]!["definition"] = new JsonObject
        {
            ["name"] = new JsonObject { ["en-GB"] = "Renamed lesson", ["de"] = "Eine Lektion" },
            ["description"] = new JsonObject { ["en-US"] = "A description" },
            ["type"] = "http://adlnet.gov/expapi/activities/lesson",
        });
        Assert.Equal(HttpStatusCode.OK, (await lrs.PostAsync("/xapi/statements", Json.Content(newer))).StatusCode);

        var response = await lrs.GetAsync(Url("/xapi/activities", ("activityId", activity)));

        var json = await Json.ReadAsync(response);
        Assert.Equal("Activity", json["objectType"]!.GetValue<string>());
        Assert.Equal(activity, json["id"]!.GetValue<string>());
        var expected = new JsonObject
        {
            ["name"] = new JsonObject { ["en-GB"] = "Renamed lesson", ["fr"] = "Une leçon", ["de"] = "Eine Lektion" },
            ["description"] = new JsonObject { ["en-US"] = "A description" },
            ["type"] = "http://adlnet.gov/expapi/activities/lesson",
        };
        Assert.True(JsonNode.DeepEquals(expected, json["definition"]), json["definition"]!.ToJsonString());
    }

    [Fact]
    public async Task Activities_Get_FindsADefinitionGivenInContextActivities()
    {
        var lrs = site.Lrs();
        var parent = Statements.NewActivity();
        var statement = Statements.Make().With(s => s["context"] = new JsonObject
        {
            ["contextActivities"] = new JsonObject
            {
                ["parent"] = new JsonArray(new JsonObject { ["id"] = parent, ["definition"] = new JsonObject { ["name"] = new JsonObject { ["en-GB"] = "A course" } } }),
            },
        });
        Assert.Equal(HttpStatusCode.OK, (await lrs.PostAsync("/xapi/statements", Json.Content(statement))).StatusCode);

        var json = await Json.ReadAsync(await lrs.GetAsync(Url("/xapi/activities", ("activityId", parent))));

        Assert.Equal("A course", json["definition"]!["name"]!["en-GB"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?activityId=not%20an%20iri")]
    [InlineData("?activityId=http%3A%2F%2Fexample.org%2Fa&agent=x")]
    public async Task Activities_Get_WithoutAValidActivityId_Returns400(string query)
    {
        var response = await site.Lrs().GetAsync("/xapi/activities" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Agents_Get_ForAnAgentNeverSeen_ReturnsAPersonOfTheRequestedAgent()
    {
        var mbox = Statements.NewMbox();

        var response = await site.Lrs().GetAsync(Url("/xapi/agents", ("agent", Agent(mbox, "Ann"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await Json.ReadAsync(response);
        var expected = new JsonObject { ["objectType"] = "Person", ["name"] = new JsonArray("Ann"), ["mbox"] = new JsonArray(mbox) };
        Assert.True(JsonNode.DeepEquals(expected, json), json.ToJsonString());
    }

    [Fact]
    public async Task Agents_Get_CombinesTheNamesTheAgentHasInStatements()
    {
        var lrs = site.Lrs();
        var mbox = Statements.NewMbox();
        await lrs.PostAsync("/xapi/statements", Json.Content(Statements.Make(mbox: mbox).With(s => s["actor"]!["name"] = "Ann Smith")));
        await lrs.PostAsync("/xapi/statements", Json.Content(Statements.Make(mbox: mbox).With(s => s["actor"]!["name"] = "Dr Ann Smith")));

        var response = await lrs.GetAsync(Url("/xapi/agents", ("agent", $"{{\"mbox\":\"{mbox}\"}}")));

        var json = await Json.ReadAsync(response);
        Assert.Equal("Person", json["objectType"]!.GetValue<string>());
        Assert.Equal(["Ann Smith", "Dr Ann Smith"], json["name"]!.AsArray().Select(n => n!.GetValue<string>()).Order());
        Assert.Equal([mbox], json["mbox"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Null(json["openid"]);
    }

    [Fact]
    public async Task Agents_Get_AccountIsAnArrayOfAccountObjects()
    {
        var agent = "{\"account\":{\"homePage\":\"https://academy.test\",\"name\":\"learner-1\"}}";

        var json = await Json.ReadAsync(await site.Lrs().GetAsync(Url("/xapi/agents", ("agent", agent))));

        Assert.Equal("learner-1", json["account"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("https://academy.test", json["account"]![0]!["homePage"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"objectType\":\"Group\",\"mbox\":\"mailto:team@example.org\"}")]
    [InlineData("not json")]
    [InlineData("{\"mbox\":\"mailto:a@example.org\",\"mbox_sha1sum\":\"0000000000000000000000000000000000000000\"}")]
    public async Task Agents_Get_WithAnInvalidAgent_Returns400(string agent)
    {
        var response = await site.Lrs().GetAsync(Url("/xapi/agents", ("agent", agent)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Agents_Get_WithoutAgent_Returns400()
    {
        var response = await site.Lrs().GetAsync("/xapi/agents");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("agent", (await ProblemAsync(response))["property"]!.GetValue<string>());
    }
}
