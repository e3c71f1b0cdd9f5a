using System.Net;
using System.Text.Json.Nodes;

namespace Academy.Xapi.Tests;

/// Data 2.2–2.4 and 4: every statement rule, each refused with 400 naming the property, and nothing stored.
public sealed class ValidationTests(LrsSite site) : IClassFixture<LrsSite>
{
    public static TheoryData<string, string, string> Invalid => new()
    {
        // name, JSON patch applied to a valid statement (as "path=json"), property named in the answer
        { "Data2.2 unknown property", "foo=1", "statement.foo" },
        { "Data2.2 null value", "result=null", "statement.result" },
        { "Data2.4.1 id not a UUID", "id=\"not-a-uuid\"", "statement.id" },
        { "Data2.4.2 actor with two IFIs", "actor={\"mbox\":\"mailto:a@example.org\",\"openid\":\"http://openid.example.org/a\"}", "statement.actor" },
        { "Data2.4.2 actor with no IFI", "actor={\"name\":\"nobody\"}", "statement.actor" },
        { "Data2.4.2 mbox without mailto", "actor={\"mbox\":\"a@example.org\"}", "statement.actor.mbox" },
        { "Data2.4.2 mbox_sha1sum not hex", "actor={\"mbox_sha1sum\":\"xyz\"}", "statement.actor.mbox_sha1sum" },
        { "Data2.4.2 account without homePage", "actor={\"account\":{\"name\":\"a\"}}", "statement.actor.account.homePage" },
        { "Data2.4.2 anonymous group without members", "actor={\"objectType\":\"Group\"}", "statement.actor.member" },
        { "Data2.4.2 group member is a group", "actor={\"objectType\":\"Group\",\"member\":[{\"objectType\":\"Group\",\"mbox\":\"mailto:g@example.org\"}]}", "statement.actor.member[0]" },
        { "Data2.4.2 agent objectType wrong case", "actor={\"objectType\":\"agent\",\"mbox\":\"mailto:a@example.org\"}", "statement.actor.objectType" },
        { "Data2.4.3 verb id not an IRI", "verb={\"id\":\"completed\"}", "statement.verb.id" },
        { "Data2.4.3 verb display not a language map", "verb={\"id\":\"http://adlnet.gov/expapi/verbs/completed\",\"display\":{\"en_GB!\":\"completed\"}}", "statement.verb.display.en_GB!" },
        { "Data4.2 empty language map", "verb={\"id\":\"http://adlnet.gov/expapi/verbs/completed\",\"display\":{}}", "statement.verb.display" },
        { "Data4.2 language tag a12345", "verb={\"id\":\"http://adlnet.gov/expapi/verbs/completed\",\"display\":{\"a12345\":\"x\"}}", "statement.verb.display.a12345" },
        { "Data4.5 timestamp with -0000", "timestamp=\"2008-09-15T15:53:00.601-0000\"", "statement.timestamp" },
        { "Data4.5 timestamp not a date", "timestamp=\"01/011/2015\"", "statement.timestamp" },
        { "Data2.4.4 activity id not an IRI", "object={\"id\":\"lesson one\"}", "statement.object.id" },
        { "Data2.4.4 unknown interaction type", "object={\"id\":\"http://a.example/x\",\"definition\":{\"interactionType\":\"essay\"}}", "statement.object.definition.interactionType" },
        { "Data2.4.4 choices on a likert interaction", "object={\"id\":\"http://a.example/x\",\"definition\":{\"interactionType\":\"likert\",\"choices\":[{\"id\":\"a\"}]}}", "statement.object.definition.choices" },
        { "Data2.4.4 StatementRef without UUID", "object={\"objectType\":\"StatementRef\",\"id\":\"abc\"}", "statement.object.id" },
        { "Data2.4.4.3 nested SubStatement", "object={\"objectType\":\"SubStatement\",\"actor\":{\"mbox\":\"mailto:a@example.org\"},\"verb\":{\"id\":\"http://a.example/v\"},\"object\":{\"objectType\":\"SubStatement\",\"actor\":{\"mbox\":\"mailto:a@example.org\"},\"verb\":{\"id\":\"http://a.example/v\"},\"object\":{\"id\":\"http://a.example/x\"}}}", "statement.object.object" },
        { "Data2.4.4.3 SubStatement with id", "object={\"objectType\":\"SubStatement\",\"id\":\"9e13cefd-53d3-4eac-b5ed-2cf6693903bb\",\"actor\":{\"mbox\":\"mailto:a@example.org\"},\"verb\":{\"id\":\"http://a.example/v\"},\"object\":{\"id\":\"http://a.example/x\"}}", "statement.object.id" },
        { "Data2.4.4.3 SubStatement with stored", "object={\"objectType\":\"SubStatement\",\"stored\":\"2020-01-01T00:00:00Z\",\"actor\":{\"mbox\":\"mailto:a@example.org\"},\"verb\":{\"id\":\"http://a.example/v\"},\"object\":{\"id\":\"http://a.example/x\"}}", "statement.object.stored" },
        { "Data2.4.5 scaled above 1", "result={\"score\":{\"scaled\":1.5}}", "statement.result.score.scaled" },
        { "Data2.4.5 raw above max", "result={\"score\":{\"raw\":11,\"min\":0,\"max\":10}}", "statement.result.score.raw" },
        { "Data2.4.5 raw below min", "result={\"score\":{\"raw\":-1,\"min\":0,\"max\":10}}", "statement.result.score.raw" },
        { "Data2.4.5 min above max", "result={\"score\":{\"min\":10,\"max\":0}}", "statement.result.score.min" },
        { "Data2.4.5 success not boolean", "result={\"success\":\"yes\"}", "statement.result.success" },
        { "Data2.4.5 duration not ISO 8601", "result={\"duration\":\"1 hour\"}", "statement.result.duration" },
        { "Data2.4.6 revision with agent object", "object={\"objectType\":\"Agent\",\"mbox\":\"mailto:b@example.org\"}|context={\"revision\":\"2\"}", "statement.context.revision" },
        { "Data2.4.6 platform with StatementRef object", "object={\"objectType\":\"StatementRef\",\"id\":\"9e13cefd-53d3-4eac-b5ed-2cf6693903bb\"}|context={\"platform\":\"web\"}", "statement.context.platform" },
        { "Data2.4.6 registration not a UUID", "context={\"registration\":\"r1\"}", "statement.context.registration" },
        { "Data2.4.6 team is an agent", "context={\"team\":{\"mbox\":\"mailto:a@example.org\"}}", "statement.context.team.objectType" },
        { "Data2.4.6 contextAgents in a 1.0 statement", "context={\"contextAgents\":[]}", "statement.context.contextAgents" },
        { "Data4.1 extension key not an IRI", "result={\"extensions\":{\"score\":1}}", "statement.result.extensions[score]" },
        { "Data4.5 timestamp with -00:00", "timestamp=\"2026-11-25T09:00:00-00:00\"", "statement.timestamp" },
        { "Data2.4.10 version 0.95", "version=\"0.95\"", "statement.version" },
        { "Data2.4.10 version 1.1.0", "version=\"1.1.0\"", "statement.version" },
        { "Data2.4.11 attachment without sha2", "attachments=[{\"usageType\":\"http://a.example/u\",\"display\":{\"en\":\"a\"},\"contentType\":\"text/plain\",\"length\":1,\"fileUrl\":\"http://a.example/f\"}]", "statement.attachments[0].sha2" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Statements_InvalidStatement_Returns400NamingTheProperty(string rule, string patch, string property)
    {
        var statement = Statements.Make();
        foreach (var change in patch.Split('|'))
        {
            var equals = change.IndexOf('=');
            statement[change[..equals]] = JsonNode.Parse(change[(equals + 1)..]);
        }
        var id = Guid.NewGuid().ToString();
        statement["id"] ??= id;

        var response = await site.Lrs().PostAsync("/xapi/statements", Json.Content(statement));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{rule}: {(int)response.StatusCode}");
        var error = await Json.ReadAsync(response);
        Assert.Equal(property, error["property"]?.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(error["rule"]?.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Lrs().GetAsync($"/xapi/statements?statementId={id}")).StatusCode);
    }

    public static TheoryData<string, string> Valid => new()
    {
        { "Data2.4.2 identified group with members", "actor={\"objectType\":\"Group\",\"account\":{\"homePage\":\"http://a.example\",\"name\":\"team\"},\"member\":[{\"mbox\":\"mailto:a@example.org\"}]}" },
        { "Data2.4.4 SubStatement", "object={\"objectType\":\"SubStatement\",\"actor\":{\"mbox\":\"mailto:a@example.org\"},\"verb\":{\"id\":\"http://a.example/v\"},\"object\":{\"id\":\"http://a.example/x\"}}" },
        { "Data2.4.5 full result", "result={\"score\":{\"scaled\":-1,\"raw\":5,\"min\":0,\"max\":10},\"success\":true,\"completion\":false,\"response\":\"a\",\"duration\":\"PT1H30M5.5S\",\"extensions\":{\"http://a.example/e\":null}}" },
        { "Data2.4.6 context", "context={\"registration\":\"9e13cefd-53d3-4eac-b5ed-2cf6693903bb\",\"revision\":\"1\",\"platform\":\"web\",\"language\":\"en-GB\",\"contextActivities\":{\"parent\":{\"id\":\"http://a.example/p\"},\"grouping\":[{\"id\":\"http://a.example/g\"}]},\"statement\":{\"objectType\":\"StatementRef\",\"id\":\"9e13cefd-53d3-4eac-b5ed-2cf6693903bb\"}}" },
        { "Data4.5 timestamp with offset", "timestamp=\"2026-11-25T09:00:00.123+05:30\"" },
        { "Data2.4.10 version 1.0.3", "version=\"1.0.3\"" },
        { "Data2.4.10 version 2.0.0", "version=\"2.0.0\"" },
        { "Data2.4.4 interaction", "object={\"id\":\"http://a.example/q\",\"definition\":{\"interactionType\":\"choice\",\"correctResponsesPattern\":[\"a\"],\"choices\":[{\"id\":\"a\",\"description\":{\"en-US\":\"A\"}},{\"id\":\"b\"}]}}" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public async Task Statements_ValidStatement_IsStored(string rule, string patch)
    {
        var statement = Statements.Make();
        var equals = patch.IndexOf('=');
        statement[patch[..equals]] = JsonNode.Parse(patch[(equals + 1)..]);

        var response = await site.Lrs().PostAsync("/xapi/statements", Json.Content(statement));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{rule}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Statements_Version2_AcceptsContextAgents()
    {
        var statement = Statements.Make().With(s => s["context"] = JsonNode.Parse("{\"contextAgents\":[{\"objectType\":\"contextAgent\",\"agent\":{\"mbox\":\"mailto:i@example.org\"},\"relevantTypes\":[\"http://a.example/instructor\"]}]}"));

        var response = await site.Lrs("2.0.0").PostAsync("/xapi/statements", Json.Content(statement));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
