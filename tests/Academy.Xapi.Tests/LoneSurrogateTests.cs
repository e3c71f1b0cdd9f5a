using System.Net;
using System.Text;
using Academy.Xapi.Data;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Xapi.Tests.Documents.Documents;

namespace Academy.Xapi.Tests;

/// Issue 8 §4: a lone UTF-16 surrogate ("\ud800" in JSON) is no text. Every LRS resource refuses it with
/// a JSON 400, stores nothing, and every LRS error is answered as JSON.
public sealed class LoneSurrogateTests(LrsSite site) : IClassFixture<LrsSite>
{
    private const string Lone = "\\ud800";

    private static StringContent Raw(string json, string type = "application/json") => new(json, Encoding.UTF8, type);

    private static async Task AssertJson400Async(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("surrogate", (await Json.ReadAsync(response))["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("value")]
    [InlineData("name")]
    public async Task LoneSurrogate_InAStatement_Returns400AndStoresNothing(string where)
    {
        var id = Guid.NewGuid().ToString();
        var statement = Statements.Make().With(s => s["result"] = where == "value"
            ? new System.Text.Json.Nodes.JsonObject { ["response"] = "MARK" }
            : new System.Text.Json.Nodes.JsonObject { ["extensions"] = new System.Text.Json.Nodes.JsonObject { ["http://a.example/MARK"] = 1 } });
        var json = statement.ToJsonString().Replace("MARK", Lone);

        var response = await site.Lrs().PutAsync($"/xapi/statements?statementId={id}", Raw(json));

        await AssertJson400Async(response);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Lrs().GetAsync($"/xapi/statements?statementId={id}")).StatusCode);
    }

    [Fact]
    public async Task LoneSurrogate_InABatch_Returns400AndStoresNoneOfIt()
    {
        var good = Guid.NewGuid().ToString();
        var json = $"[{Statements.Make(id: good).ToJsonString()},{Statements.Make().ToJsonString().Replace("A learner", "A " + Lone)}]";

        await AssertJson400Async(await site.Lrs().PostAsync("/xapi/statements", Raw(json)));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Lrs().GetAsync($"/xapi/statements?statementId={good}")).StatusCode);
    }

    [Theory]
    [InlineData("/xapi/statements?agent=")]
    [InlineData("/xapi/agents?agent=")]
    [InlineData("/xapi/activities/state?activityId=http%3A%2F%2Fa.example%2Fx&stateId=s&agent=")]
    [InlineData("/xapi/agents/profile?profileId=p&agent=")]
    public async Task LoneSurrogate_InTheAgentParameter_Returns400(string path)
    {
        var agent = Uri.EscapeDataString($"{{\"mbox\":\"mailto:a{Lone}@example.org\"}}");

        await AssertJson400Async(await site.Lrs().GetAsync(path + agent));
    }

    [Theory]
    [InlineData("1.0.3")]
    [InlineData("2.0.0")]
    public async Task LoneSurrogate_InAStateDocument_PutAndPost_Return400AndStoreNothing(string version)
    {
        var lrs = site.Lrs(version);
        var url = Url(State, ("activityId", Statements.NewActivity()), ("agent", Agent()), ("stateId", "bookmark"));

        var put = await lrs.PutAsync(url, Raw($"{{\"page\":\"{Lone}\"}}"));
        var post = await lrs.PostAsync(url, Raw($"{{\"{Lone}\":1}}"));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal("application/json", put.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await lrs.GetAsync(url)).StatusCode);
        // A good document can still be stored and merged afterwards.
        Assert.Equal(HttpStatusCode.NoContent, (await lrs.PostAsync(url, Raw("{\"page\":1}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await lrs.PostAsync(url, Raw("{\"done\":true}"))).StatusCode);
        Assert.Equal("{\"page\":1,\"done\":true}", await (await lrs.GetAsync(url)).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(ActivityProfile + "?activityId=http%3A%2F%2Fa.example%2Fx&profileId=")]
    [InlineData(AgentProfile + "?agent=%7B%22mbox%22%3A%22mailto%3Ap%40example.org%22%7D&profileId=")]
    public async Task LoneSurrogate_InAProfileDocument_Returns400AndStoresNothing(string path)
    {
        var lrs = site.Lrs();
        var url = path + Guid.NewGuid().ToString("N");

        var put = await lrs.CreateAsync(url, Raw($"[\"{Lone}\"]"));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lrs.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task LrsError_AnAddressNoResourceAnswers_IsAJson404()
    {
        var response = await site.Lrs().GetAsync("/xapi/no-such-resource");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task LrsError_AMethodAResourceDoesNotAnswer_IsAJson405()
    {
        var response = await site.Lrs().DeleteAsync("/xapi/statements");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    // A statement row damaged outside the LRS makes the read fail: the client still gets the LRS's JSON
    // (a 500 with a reason), not the site's HTML error page.
    [Fact]
    public async Task LrsError_AnUnexpectedFailure_IsAJson500()
    {
        var id = Guid.NewGuid().ToString();
        await site.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<XapiDbContext>();
            db.Statements.Add(new XapiStatement { Id = id, StoredTicks = DateTime.UtcNow.Ticks, Version = "1.0.0", Json = "{damaged" });
            return await db.SaveChangesAsync();
        });

        var response = await site.Lrs().GetAsync($"/xapi/statements?statementId={id}");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await Json.ReadAsync(response))["message"]);
    }
}
