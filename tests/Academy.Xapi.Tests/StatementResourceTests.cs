using System.Net;
using System.Text.Json.Nodes;

namespace Academy.Xapi.Tests;

/// Communication 2.1: the Statements resource (PUT, POST, GET, voiding, conflicts, paging).
public sealed class StatementResourceTests(LrsSite site) : IClassFixture<LrsSite>
{
    [Fact]
    public async Task Statements_Put_WithStatementId_Returns204AndStoresIt()
    {
        var client = site.Lrs();
        var id = Guid.NewGuid().ToString();

        var put = await client.PutAsync($"/xapi/statements?statementId={id}", Json.Content(Statements.Make()));

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var get = await client.GetAsync($"/xapi/statements?statementId={id}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var stored = await Json.ReadAsync(get);
        Assert.Equal(id, stored["id"]!.GetValue<string>());
        Assert.NotNull(stored["stored"]);
        Assert.NotNull(stored["timestamp"]);
        Assert.Equal("1.0.0", stored["version"]!.GetValue<string>());
        Assert.True(get.Content.Headers.LastModified.HasValue);
        Assert.True(get.Headers.Contains("X-Experience-API-Consistent-Through"));
    }

    [Fact]
    public async Task Statements_Put_WithoutStatementId_Returns400()
    {
        var response = await site.Lrs().PutAsync("/xapi/statements", Json.Content(Statements.Make()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("statementId", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Statements_Put_WithDifferentStatementUnderSameId_Returns409()
    {
        var client = site.Lrs();
        var id = Guid.NewGuid().ToString();
        await client.PutAsync($"/xapi/statements?statementId={id}", Json.Content(Statements.Make()));

        var response = await client.PutAsync($"/xapi/statements?statementId={id}", Json.Content(Statements.Make()));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Statements_Put_SameStatementAgainDifferingOnlyInIdCaseAndTimestamp_Returns204()
    {
        var client = site.Lrs();
        var id = Guid.NewGuid().ToString();
        var statement = Statements.Make();
        await client.PutAsync($"/xapi/statements?statementId={id}", Json.Content(statement));
        var again = ((JsonObject)statement.DeepClone()).With(s => { s["id"] = id.ToUpperInvariant(); s["timestamp"] = "2020-01-01T00:00:00Z"; });

        var response = await client.PutAsync($"/xapi/statements?statementId={id.ToUpperInvariant()}", Json.Content(again));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Statements_Post_Array_ReturnsIdsInOrder()
    {
        var client = site.Lrs();
        var givenId = Guid.NewGuid().ToString();
        var statements = new JsonArray(Statements.Make(id: givenId), Statements.Make());

        var response = await client.PostAsync("/xapi/statements", Json.Content(statements));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = (await Json.ReadAsync(response)).AsArray().Select(i => i!.GetValue<string>()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(givenId, ids[0]);
        Assert.True(Guid.TryParse(ids[1], out _));
    }

    [Fact]
    public async Task Statements_Post_ArrayWithOneInvalidStatement_StoresNone()
    {
        var client = site.Lrs();
        var goodId = Guid.NewGuid().ToString();
        var bad = Statements.Make().With(s => s["verb"] = new JsonObject { ["id"] = "not an iri" });

        var response = await client.PostAsync("/xapi/statements", Json.Content(new JsonArray(Statements.Make(id: goodId), bad)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("statements[1].verb.id", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/xapi/statements?statementId={goodId}")).StatusCode);
    }

    [Fact]
    public async Task Statements_Post_ArrayWithConflictingId_StoresNone()
    {
        var client = site.Lrs();
        var existing = Guid.NewGuid().ToString();
        await client.PutAsync($"/xapi/statements?statementId={existing}", Json.Content(Statements.Make()));
        var newId = Guid.NewGuid().ToString();

        var response = await client.PostAsync("/xapi/statements", Json.Content(new JsonArray(Statements.Make(id: newId), Statements.Make(id: existing))));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/xapi/statements?statementId={newId}")).StatusCode);
    }

    [Fact]
    public async Task Statements_Authority_IsTheCredentialsAccount()
    {
        var client = site.Lrs();
        var id = Guid.NewGuid().ToString();
        var statement = Statements.Make().With(s => s["authority"] = new JsonObject { ["mbox"] = "mailto:someone-else@example.org" });
        await client.PutAsync($"/xapi/statements?statementId={id}", Json.Content(statement));

        var stored = await Json.ReadAsync(await client.GetAsync($"/xapi/statements?statementId={id}"));

        Assert.Equal(LrsSite.Key, stored["authority"]!["account"]!["name"]!.GetValue<string>());
        Assert.Null(stored["authority"]!["mbox"]);
    }

    [Fact]
    public async Task Statements_Voiding_HidesTargetFromQueriesButNotTheVoidingStatement()
    {
        var client = site.Lrs();
        var mbox = Statements.NewMbox();
        var target = Guid.NewGuid().ToString();
        await client.PutAsync($"/xapi/statements?statementId={target}", Json.Content(Statements.Make(mbox)));
        var voiding = new JsonObject
        {
            ["actor"] = new JsonObject { ["mbox"] = mbox },
            ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/voided" },
            ["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = target },
        };
        var voidingId = (await Json.ReadAsync(await client.PostAsync("/xapi/statements", Json.Content(voiding))))[0]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/xapi/statements?statementId={target}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/xapi/statements?voidedStatementId={target}")).StatusCode);
        var result = await Json.ReadAsync(await client.GetAsync($"/xapi/statements?agent={Statements.AgentParameter(mbox)}"));
        var ids = result["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ToList();
        Assert.Equal([voidingId], ids);
    }

    [Fact]
    public async Task Statements_Voiding_WithObjectNotStatementRef_Returns400()
    {
        var voiding = Statements.Make().With(s => s["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/voided" });

        var response = await site.Lrs().PostAsync("/xapi/statements", Json.Content(voiding));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Statements_GetWithStatementIdAndOtherFilter_Returns400()
    {
        var response = await site.Lrs().GetAsync($"/xapi/statements?statementId={Guid.NewGuid()}&verb={Uri.EscapeDataString(Statements.Completed)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Statements_Get_UnknownParameter_Returns400()
    {
        var response = await site.Lrs().GetAsync("/xapi/statements?foo=bar");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("foo", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Statements_Query_ByAgentVerbActivityAndRegistration_FiltersExactly()
    {
        var client = site.Lrs();
        var mbox = Statements.NewMbox();
        var activity = Statements.NewActivity();
        var registration = Guid.NewGuid().ToString();
        var matching = Statements.Make(mbox, activity).With(s => s["context"] = new JsonObject { ["registration"] = registration });
        var otherVerb = Statements.Make(mbox, activity, Statements.Attempted).With(s => s["context"] = new JsonObject { ["registration"] = registration });
        var otherActivity = Statements.Make(mbox).With(s => s["context"] = new JsonObject { ["registration"] = registration });
        var ids = (await Json.ReadAsync(await client.PostAsync("/xapi/statements", Json.Content(new JsonArray(matching, otherVerb, otherActivity))))).AsArray();

        var agent = Statements.AgentParameter(mbox);
        var byAll = await Json.ReadAsync(await client.GetAsync($"/xapi/statements?agent={agent}&verb={Uri.EscapeDataString(Statements.Completed)}&activity={Uri.EscapeDataString(activity)}&registration={registration}"));
        var byAgent = await Json.ReadAsync(await client.GetAsync($"/xapi/statements?agent={agent}"));
        var byActivity = await Json.ReadAsync(await client.GetAsync($"/xapi/statements?activity={Uri.EscapeDataString(activity)}"));

        Assert.Equal([ids[0]!.GetValue<string>()], byAll["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
        Assert.Equal(3, byAgent["statements"]!.AsArray().Count);
        Assert.Equal(2, byActivity["statements"]!.AsArray().Count);
    }

    [Fact]
    public async Task Statements_Query_RelatedActivitiesAndAgents_IncludeContext()
    {
        var client = site.Lrs();
        var parent = Statements.NewActivity();
        var instructor = Statements.NewMbox();
        var statement = Statements.Make().With(s => s["context"] = new JsonObject
        {
            ["instructor"] = new JsonObject { ["mbox"] = instructor },
            ["contextActivities"] = new JsonObject { ["parent"] = new JsonArray(new JsonObject { ["id"] = parent }) },
        });
        await client.PostAsync("/xapi/statements", Json.Content(statement));

        var plain = await Json.ReadAsync(await client.GetAsync($"/xapi/statements?activity={Uri.EscapeDataString(parent)}"));
        var related = await Json.ReadAsync(await client.GetAsync($"/xapi/statements?activity={Uri.EscapeDataString(parent)}&related_activities=true"));
        var byInstructor = await Json.ReadAsync(await client.GetAsync($"/xapi/statements?agent={Statements.AgentParameter(instructor)}&related_agents=true"));

        Assert.Empty(plain["statements"]!.AsArray());
        Assert.Single(related["statements"]!.AsArray());
        Assert.Single(byInstructor["statements"]!.AsArray());
    }

    [Fact]
    public async Task Statements_Query_MoreLinks_PageStablyWhileNewStatementsArrive()
    {
        var client = site.Lrs();
        var activity = Statements.NewActivity();
        var posted = new List<string>();
        for (var i = 0; i < 5; i++)
            posted.Add((await Json.ReadAsync(await client.PostAsync("/xapi/statements", Json.Content(Statements.Make(activity: activity)))))[0]!.GetValue<string>());

        var seen = new List<string>();
        var url = $"/xapi/statements?activity={Uri.EscapeDataString(activity)}&limit=2&ascending=true";
        var pages = 0;
        while (url.Length > 0)
        {
            var page = await Json.ReadAsync(await client.GetAsync(url));
            seen.AddRange(page["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
            url = page["more"]!.GetValue<string>();
            pages++;
            // A statement that arrives while paging is not part of this result.
            if (pages == 1) await client.PostAsync("/xapi/statements", Json.Content(Statements.Make(activity: activity)));
        }

        Assert.Equal(3, pages);
        Assert.Equal(posted, seen);
    }

    [Fact]
    public async Task Statements_Query_SinceAndUntil_AreExclusiveAndInclusiveOnStored()
    {
        var client = site.Lrs();
        var activity = Statements.NewActivity();
        var first = (await Json.ReadAsync(await client.PostAsync("/xapi/statements", Json.Content(Statements.Make(activity: activity)))))[0]!.GetValue<string>();
        var firstStored = (await Json.ReadAsync(await client.GetAsync($"/xapi/statements?statementId={first}")))["stored"]!.GetValue<string>();
        await Task.Delay(20);
        var second = (await Json.ReadAsync(await client.PostAsync("/xapi/statements", Json.Content(Statements.Make(activity: activity)))))[0]!.GetValue<string>();

        var since = await Json.ReadAsync(await client.GetAsync($"/xapi/statements?activity={Uri.EscapeDataString(activity)}&since={Uri.EscapeDataString(firstStored)}"));
        var until = await Json.ReadAsync(await client.GetAsync($"/xapi/statements?activity={Uri.EscapeDataString(activity)}&until={Uri.EscapeDataString(firstStored)}"));

        Assert.Equal([second], since["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
        Assert.Equal([first], until["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Statements_Query_FormatIds_ReturnsIdentifiersOnly()
    {
        var client = site.Lrs();
        var activity = Statements.NewActivity();
        await client.PostAsync("/xapi/statements", Json.Content(Statements.Make(activity: activity)));

        var result = await Json.ReadAsync(await client.GetAsync($"/xapi/statements?activity={Uri.EscapeDataString(activity)}&format=ids"));

        var statement = result["statements"]![0]!;
        Assert.Null(statement["actor"]!["name"]);
        Assert.Null(statement["object"]!["definition"]);
        Assert.Null(statement["verb"]!["display"]);
    }

    [Fact]
    public async Task Statements_Query_FormatCanonical_KeepsOneLanguage()
    {
        var client = site.Lrs();
        var activity = Statements.NewActivity();
        await client.PostAsync("/xapi/statements", Json.Content(Statements.Make(activity: activity)));
        var request = new HttpRequestMessage(HttpMethod.Get, $"/xapi/statements?activity={Uri.EscapeDataString(activity)}&format=canonical");
        request.Headers.Add("Accept-Language", "fr");

        var result = await Json.ReadAsync(await client.SendAsync(request));

        var name = result["statements"]![0]!["object"]!["definition"]!["name"]!.AsObject();
        Assert.Equal(["fr"], name.Select(p => p.Key));
    }

    [Fact]
    public async Task Statements_Version2Request_StoresVersion200()
    {
        var client = site.Lrs("2.0.0");
        var id = Guid.NewGuid().ToString();
        await client.PutAsync($"/xapi/statements?statementId={id}", Json.Content(Statements.Make()));

        var stored = await Json.ReadAsync(await client.GetAsync($"/xapi/statements?statementId={id}"));

        Assert.Equal("2.0.0", stored["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Statements_Query_ReturnsStatementsThatReferToAMatchingStatement()
    {
        var client = site.Lrs();
        var activity = Statements.NewActivity();
        var targetId = (await Json.ReadAsync(await client.PostAsync("/xapi/statements", Json.Content(Statements.Make(activity: activity)))))[0]!.GetValue<string>();
        var reference = new JsonObject
        {
            ["actor"] = new JsonObject { ["mbox"] = Statements.NewMbox() },
            ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/commented" },
            ["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = targetId },
        };
        var referenceId = (await Json.ReadAsync(await client.PostAsync("/xapi/statements", Json.Content(reference))))[0]!.GetValue<string>();

        var result = await Json.ReadAsync(await client.GetAsync($"/xapi/statements?activity={Uri.EscapeDataString(activity)}"));

        Assert.Equal([referenceId, targetId], result["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Communication_HeadStatements_Returns200WithHeadersAndNoBody()
    {
        var response = await site.Lrs().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/xapi/statements?limit=1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("X-Experience-API-Consistent-Through"));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Communication_AlternateRequestSyntax_PutsAStatement()
    {
        var client = site.CreateAnonymousClient();
        var id = Guid.NewGuid().ToString();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["statementId"] = id,
            ["Authorization"] = LrsSite.Basic(LrsSite.Key, LrsSite.Secret).ToString(),
            ["X-Experience-API-Version"] = "1.0.3",
            ["Content-Type"] = "application/json",
            ["content"] = Statements.Make().ToJsonString(),
        });

        var response = await client.PostAsync("/xapi/statements?method=PUT", form);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Lrs().GetAsync($"/xapi/statements?statementId={id}")).StatusCode);
    }

    [Fact]
    public async Task Communication_AlternateRequestSyntax_GetWithHeadersSentAsHeaders_ReturnsStatementResult()
    {
        var response = await site.Lrs().PostAsync("/xapi/statements?method=GET", new FormUrlEncodedContent(new Dictionary<string, string> { ["limit"] = "1" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Json.ReadAsync(response);
        Assert.True(result["statements"]!.AsArray().Count <= 1);
        Assert.NotNull(result["more"]);
    }

    [Fact]
    public async Task Communication_AlternateRequestSyntax_NotIssuedAsPost_Returns400()
    {
        var response = await site.Lrs().GetAsync("/xapi/statements?method=POST");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Communication_AlternateRequestSyntax_WithOtherQueryParameter_Returns400()
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["X-Experience-API-Version"] = "1.0.3" });

        var response = await site.CreateAnonymousClient().PostAsync($"/xapi/statements?method=GET&statementId={Guid.NewGuid()}", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
