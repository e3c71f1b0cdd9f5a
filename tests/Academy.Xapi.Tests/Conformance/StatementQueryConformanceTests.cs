using System.Net;
using System.Text.Json.Nodes;

namespace Academy.Xapi.Tests.Conformance;

/// Communication 2.1.3 (GET statements): the requirements an independent conformance run found unmet (issue 12 §2).
public sealed class StatementQueryConformanceTests(LrsSite site) : IClassFixture<LrsSite>
{
    private static JsonObject Voiding(string target) => new()
    {
        ["actor"] = new JsonObject { ["mbox"] = Statements.NewMbox() },
        ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/voided" },
        ["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = target },
    };

    private static JsonObject ReferenceTo(string target, string verb) => new()
    {
        ["actor"] = new JsonObject { ["mbox"] = Statements.NewMbox() },
        ["verb"] = new JsonObject { ["id"] = verb },
        ["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = target },
    };

    private async Task<string> PostAsync(HttpClient client, JsonObject statement)
    {
        var response = await client.PostAsync("/xapi/statements", Json.Content(statement));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json.ReadAsync(response))[0]!.GetValue<string>();
    }

    private static async Task<List<string>> IdsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/xapi/statements?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json.ReadAsync(response))["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ToList();
    }

    // XAPI-00162 (Communication 2.1.4.s1.b2): a query that matches a voided statement returns the
    // statements that target it (a StatementRef and the voiding statement), never the voided one, with
    // since, with until and with neither, as the 1.0.3 and 2.0 suites ask.
    [Theory]
    [InlineData("neither")]
    [InlineData("since")]
    [InlineData("until")]
    public async Task XAPI_00162_QueryMatchingAVoidedStatement_ReturnsTheStatementsTargetingIt(string bound)
    {
        var client = site.Lrs();
        var verb = "http://academy.test/verbs/voided-target/" + Guid.NewGuid().ToString("N");
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var voided = await PostAsync(client, Statements.Make(verb: verb));
        var voiding = await PostAsync(client, Voiding(voided));
        var reference = await PostAsync(client, ReferenceTo(voided, "http://academy.test/verbs/mentions"));
        var query = "verb=" + Uri.EscapeDataString(verb) + bound switch
        {
            "since" => "&since=" + Uri.EscapeDataString(before.ToString("o")),
            "until" => "&until=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.AddSeconds(5).ToString("o")),
            _ => "",
        };

        var ids = await IdsAsync(client, query);

        Assert.Equal([reference, voiding], ids);
        Assert.DoesNotContain(voided, ids);
    }

    // XAPI-00171 (Communication 2.1.3, format=ids): the 1.0.3 suite posts a SubStatement whose actor is an
    // identified group and counts keys: agents and groups keep objectType and their identifier (no
    // name, no members), an activity keeps its id alone, a verb its id; anonymous groups keep their
    // members' identifiers.
    [Fact]
    public async Task XAPI_00171_FormatIds_KeepsOnlyIdentifiers()
    {
        var client = site.Lrs();
        var activity = Statements.NewActivity();
        var member = new JsonObject { ["objectType"] = "Agent", ["name"] = "Member", ["mbox"] = Statements.NewMbox() };
        var statement = new JsonObject
        {
            ["actor"] = new JsonObject { ["objectType"] = "Agent", ["name"] = "Actor", ["mbox"] = Statements.NewMbox() },
            ["verb"] = new JsonObject { ["id"] = Statements.Completed, ["display"] = new JsonObject { ["en-GB"] = "completed" } },
            ["object"] = new JsonObject
            {
                ["objectType"] = "SubStatement",
                ["actor"] = new JsonObject { ["objectType"] = "Group", ["name"] = "Team", ["mbox"] = Statements.NewMbox(), ["member"] = new JsonArray(member.DeepClone()) },
                ["verb"] = new JsonObject { ["id"] = Statements.Attempted, ["display"] = new JsonObject { ["en-GB"] = "attempted" } },
                ["object"] = new JsonObject { ["objectType"] = "Activity", ["id"] = activity, ["definition"] = new JsonObject { ["name"] = new JsonObject { ["en-GB"] = "A lesson" } } },
            },
            ["context"] = new JsonObject { ["team"] = new JsonObject { ["objectType"] = "Group", ["name"] = "Anonymous", ["member"] = new JsonArray(member.DeepClone()) } },
        };
        var id = await PostAsync(client, statement);

        var ids = await Json.ReadAsync(await client.GetAsync($"/xapi/statements?statementId={id}&format=ids"));

        Assert.Equal(["objectType", "mbox"], ids["actor"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["id"], ids["verb"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["objectType", "mbox"], ids["object"]!["actor"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["id"], ids["object"]!["object"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["id"], ids["object"]!["verb"]!.AsObject().Select(p => p.Key));
        var team = ids["context"]!["team"]!.AsObject();
        Assert.Equal(["objectType", "member"], team.Select(p => p.Key));
        Assert.Equal(["objectType", "mbox"], team["member"]![0]!.AsObject().Select(p => p.Key));
    }

    // Communication 2.1.3 (agent): a statement whose actor is a group is found by the agent filter for
    // any of the group's members.
    [Fact]
    public async Task Statements_AgentFilter_ForAMemberOfTheActorGroup_FindsTheStatement()
    {
        var client = site.Lrs();
        var mbox = Statements.NewMbox();
        var statement = Statements.Make().With(s => s["actor"] = new JsonObject
        {
            ["objectType"] = "Group",
            ["member"] = new JsonArray(new JsonObject { ["mbox"] = mbox }, new JsonObject { ["mbox"] = Statements.NewMbox() }),
        });
        var id = await PostAsync(client, statement);

        var ids = await IdsAsync(client, "agent=" + Statements.AgentParameter(mbox));

        Assert.Equal([id], ids);
    }

    // Communication 2.1.3, "Filter Conditions for StatementRefs": a StatementRef stored before its target
    // is found by the filters the target matches once the target arrives.
    [Fact]
    public async Task Statements_StatementRefStoredBeforeItsTarget_IsFoundByTheTargetsFilters()
    {
        var client = site.Lrs();
        var target = Guid.NewGuid().ToString();
        var activity = Statements.NewActivity();
        var reference = await PostAsync(client, ReferenceTo(target, "http://academy.test/verbs/mentions"));

        var stored = await PostAsync(client, Statements.Make(activity: activity, id: target));

        Assert.Equal([reference, stored], await IdsAsync(client, "ascending=true&activity=" + Uri.EscapeDataString(activity)));
    }
}
