using System.Net;
using System.Text.Json.Nodes;

namespace Academy.Xapi.Tests.Conformance;

/// Statement rules (xAPI Data) as the ADL LRS conformance suite (lrs-conformance-test-suite, test/v1_0_3
/// and test/v2_0) checks them; each test names the spec section and, where the suite has one, the XAPI id.
public sealed class DataConformanceTests(LrsSite site) : IClassFixture<LrsSite>
{
    private async Task<HttpResponseMessage> PostAsync(JsonObject statement, string version = "1.0.3") =>
        await site.Lrs(version).PostAsync("/xapi/statements", Json.Content(statement));

    // xAPI 2.0 §4.2.7: durations are compared to 0.01 s, so a statement sent again under its id with a
    // duration that differs only below a hundredth of a second is the same statement (204), and one that
    // differs by a hundredth is a conflict (409).
    [Theory]
    [InlineData("PT1.2349S", HttpStatusCode.NoContent)]
    [InlineData("PT1.230S", HttpStatusCode.NoContent)]
    [InlineData("PT1.24S", HttpStatusCode.Conflict)]
    public async Task Data_4_2_7_Duration_ComparedToAHundredthOfASecond(string again, HttpStatusCode expected)
    {
        var client = site.Lrs("2.0.0");
        var id = Guid.NewGuid().ToString();
        var statement = Statements.Make().With(s => s["result"] = new JsonObject { ["duration"] = "PT1.23S" });
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsync($"/xapi/statements?statementId={id}", Json.Content(statement))).StatusCode);

        var response = await client.PutAsync($"/xapi/statements?statementId={id}", Json.Content(((JsonObject)statement.DeepClone()).With(s => s["result"]!["duration"] = again)));

        Assert.Equal(expected, response.StatusCode);
    }

    // XAPI-00123 (v2_0/configs/timestamps.js): "2008-09-15 15:53:00.601+00:00" is a valid RFC 3339 timestamp.
    [Theory]
    [InlineData("1.0.3")]
    [InlineData("2.0.0")]
    public async Task Data_4_5_Timestamp_Rfc3339WithSpaceSeparator_IsAccepted(string version)
    {
        var statement = Statements.Make().With(s => s["timestamp"] = "2008-09-15 15:53:00.601+00:00");

        var response = await PostAsync(statement, version);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // XAPI-00123: the -00 / -0000 / -00:00 offsets ("unknown local offset") are refused, with a space too.
    [Theory]
    [InlineData("2008-09-15T15:53:00.601-00")]
    [InlineData("2008-09-15 15:53:00.601-00:00")]
    [InlineData("2008-09-15 15:53:00.601-0000")]
    public async Task Data_4_5_Timestamp_NegativeZeroOffset_Returns400(string timestamp)
    {
        var response = await PostAsync(Statements.Make().With(s => s["timestamp"] = timestamp), "2.0.0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    // xAPI 1.0.3 Data 4.5: a timestamp SHOULD (not MUST) include the time zone, so a 1.0.x LRS accepts one
    // without (and reads it as UTC); xAPI 2.0 requires the offset.
    [Fact]
    public async Task Data_4_5_Timestamp_WithoutTimeZone_IsAcceptedIn103()
    {
        var id = Guid.NewGuid().ToString();
        var response = await PostAsync(Statements.Make(id: id).With(s => s["timestamp"] = "2026-11-25T09:00:00.000"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await Json.ReadAsync(await site.Lrs().GetAsync($"/xapi/statements?statementId={id}"));
        Assert.StartsWith("2026-11-25T09:00:00", stored["timestamp"]!.GetValue<string>());
    }

    [Fact]
    public async Task Data_4_5_Timestamp_WithoutTimeZone_Returns400In20()
    {
        var response = await PostAsync(Statements.Make().With(s => s["timestamp"] = "2026-11-25T09:00:00.000"), "2.0.0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("statement.timestamp", (await Json.ReadAsync(response))["property"]!.GetValue<string>());
    }

    // XAPI-00124 (v2_0/configs/durations.js): ISO 8601 4.4.3.2 allows PnW alone; weeks do not combine.
    [Theory]
    [InlineData("P4W1D")]
    [InlineData("P1YT2H4W")]
    [InlineData("PA1H0M0S")]
    [InlineData("P")]
    [InlineData("PT")]
    public async Task Data_4_6_Duration_NotIso8601_Returns400(string duration)
    {
        var response = await PostAsync(Statements.Make().With(s => s["result"] = new JsonObject { ["duration"] = duration }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("P4W")]
    [InlineData("P1.5W")]
    [InlineData("PT4H35M59.14S")]
    [InlineData("PT16559.14S")]
    [InlineData("P3Y1M29DT4H35M59.14S")]
    [InlineData("PT1H0M0.1S")]
    public async Task Data_4_6_Duration_Iso8601_IsAccepted(string duration)
    {
        var response = await PostAsync(Statements.Make().With(s => s["result"] = new JsonObject { ["duration"] = duration }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // XAPI-00101 / XAPI-00332: a 2.0 statement's version is 2.0 or 2.0.x, and it is kept as sent.
    [Theory]
    [InlineData("2.0.0")]
    [InlineData("2.0.1")]
    [InlineData("2.0")]
    public async Task Data_2_4_10_Version_20x_IsAcceptedAndRetained(string version)
    {
        var id = Guid.NewGuid().ToString();
        var response = await PostAsync(Statements.Make(id: id).With(s => s["version"] = version), "2.0.0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await Json.ReadAsync(await site.Lrs("2.0.0").GetAsync($"/xapi/statements?statementId={id}"));
        Assert.Equal(version, stored["version"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("2.1.0")]
    [InlineData("0.9.9")]
    [InlineData("1.1.0")]
    [InlineData("should fail")]
    public async Task Data_2_4_10_Version_Unsupported_Returns400(string version)
    {
        var response = await PostAsync(Statements.Make().With(s => s["version"] = version), "2.0.0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    // XAPI-00096 (v2_0/Data2.4.6-ContextProperty.js): each contextActivities value sent as one activity is
    // returned as an array, in the statement and in a SubStatement, whatever the format.
    [Theory]
    [InlineData("parent", "exact")]
    [InlineData("grouping", "ids")]
    [InlineData("category", "canonical")]
    [InlineData("other", "exact")]
    public async Task Data_2_4_6_2_ContextActivities_SingleActivity_IsReturnedAsArray(string type, string format)
    {
        var id = Guid.NewGuid().ToString();
        JsonObject Context() => new() { ["contextActivities"] = new JsonObject { [type] = new JsonObject { ["id"] = Statements.NewActivity() } } };
        var statement = Statements.Make(id: id).With(s =>
        {
            s["context"] = Context();
            s["object"] = new JsonObject
            {
                ["objectType"] = "SubStatement",
                ["actor"] = new JsonObject { ["mbox"] = Statements.NewMbox() },
                ["verb"] = new JsonObject { ["id"] = Statements.Completed },
                ["object"] = new JsonObject { ["id"] = Statements.NewActivity() },
                ["context"] = Context(),
            };
        });

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(statement)).StatusCode);

        var single = await Json.ReadAsync(await site.Lrs().GetAsync($"/xapi/statements?statementId={id}&format={format}"));
        Assert.IsType<JsonArray>(single["context"]!["contextActivities"]![type]);
        Assert.IsType<JsonArray>(single["object"]!["context"]!["contextActivities"]![type]);
        var query = await Json.ReadAsync(await site.Lrs().GetAsync($"/xapi/statements?agent={Statements.AgentParameter(statement["actor"]!["mbox"]!.GetValue<string>())}&format={format}"));
        Assert.IsType<JsonArray>(query["statements"]![0]!["context"]!["contextActivities"]![type]);
    }

    // Data 2.1.3 / 2.6: a signed statement whose context activity is a single object still matches its
    // payload once the LRS has made the value an array (covered by StatementShape.Same), and a PUT of the
    // same statement again (single object) is the same statement, not a conflict.
    [Fact]
    public async Task Data_2_4_6_2_ContextActivities_SameStatementWithSingleActivity_IsNotAConflict()
    {
        var id = Guid.NewGuid().ToString();
        var statement = Statements.Make().With(s => s["context"] = new JsonObject { ["contextActivities"] = new JsonObject { ["parent"] = new JsonObject { ["id"] = Statements.NewActivity() } } });

        var first = await site.Lrs().PutAsync($"/xapi/statements?statementId={id}", Json.Content(statement));
        var again = await site.Lrs().PutAsync($"/xapi/statements?statementId={id}", Json.Content(statement));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
    }

    // XAPI-00100 / XAPI-00098 (v1_0_3 authorities.js, Data 2.4.9): a group authority is the anonymous OAuth
    // group of exactly two agents; an identified group (any IFI) is refused even with two members.
    [Theory]
    [InlineData("\"mbox\":\"mailto:xapigroup@example.com\",")]
    [InlineData("\"mbox_sha1sum\":\"cd9b00a5611f94eaa7b1661edab976068e364975\",")]
    [InlineData("\"openid\":\"http://openid.example.org/12345\",")]
    [InlineData("\"account\":{\"homePage\":\"http://www.example.com\",\"name\":\"xAPI account name\"},")]
    public async Task Data_2_4_9_Authority_IdentifiedGroup_Returns400(string identifier)
    {
        var authority = JsonNode.Parse("{\"objectType\":\"Group\"," + identifier + "\"member\":[{\"account\":{\"homePage\":\"http://example.com/xAPI/OAuth/Token\",\"name\":\"oauth_consumer_x75db\"}},{\"mbox\":\"mailto:bob@example.com\"}]}");

        var response = await PostAsync(Statements.Make().With(s => s["authority"] = authority));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("statement.authority", (await Json.ReadAsync(response))["property"]!.GetValue<string>());
    }

    [Fact]
    public async Task Data_2_4_9_Authority_AnonymousTwoMemberGroup_IsAccepted()
    {
        var authority = JsonNode.Parse("{\"objectType\":\"Group\",\"member\":[{\"account\":{\"homePage\":\"http://example.com/xAPI/OAuth/Token\",\"name\":\"oauth_consumer_x75db\"}},{\"mbox\":\"mailto:bob@example.com\"}]}");

        var response = await PostAsync(Statements.Make().With(s => s["authority"] = authority));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // XAPI-00037 (v2_0 groups.js, Data 2.4.2.2): a group has one IFI "or a member property with at least one
    // Agent"; an anonymous group with an empty member list identifies nobody.
    [Theory]
    [InlineData("actor")]
    [InlineData("team")]
    public async Task Data_2_4_2_2_AnonymousGroup_WithNoMembers_Returns400(string where)
    {
        var group = new JsonObject { ["objectType"] = "Group", ["name"] = "Group Anonymous", ["member"] = new JsonArray() };
        var statement = Statements.Make().With(s =>
        {
            if (where == "actor") s["actor"] = group;
            else s["context"] = new JsonObject { ["team"] = group };
        });

        var response = await PostAsync(statement);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
