using System.Net;
using System.Text.Json.Nodes;
using static Academy.Xapi.Tests.Documents.Documents;

namespace Academy.Xapi.Tests.Documents;

/// Communication 2.6 (Agent Profile resource), with 2.2 and 3.1.
public sealed class AgentProfileResourceTests(LrsSite site) : IClassFixture<LrsSite>
{
    private readonly string agent = Agent();

    private string ProfileUrl(string? profileId, string? since = null) =>
        Url(AgentProfile, ("agent", agent), ("profileId", profileId), ("since", since));

    [Fact]
    public async Task AgentProfile_PutThenGet_ReturnsTheDocument()
    {
        var lrs = site.Lrs();

        var put = await lrs.SendAsync(HttpMethod.Put, ProfileUrl("preferences"), JsonBody("{\"language\":\"en-GB\"}"), ifNoneMatch: "*");
        var get = await lrs.GetAsync(ProfileUrl("preferences"));

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal("{\"language\":\"en-GB\"}", await get.Content.ReadAsStringAsync());
        Assert.Equal($"\"{Sha1("{\"language\":\"en-GB\"}")}\"", get.Headers.ETag!.ToString());
    }

    // XAPI-00273 (1.0.3, Communication 2.6.s3): a PUT without If-Match or If-None-Match is refused
    // even for a document that does not exist yet; nothing is stored.
    [Fact]
    public async Task XAPI_00273_AgentProfile_PutWithoutPrecondition_In103_Returns400AndStoresNothing()
    {
        var lrs = site.Lrs("1.0.3");

        var put = await lrs.PutAsync(ProfileUrl("new-103"), JsonBody("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lrs.GetAsync(ProfileUrl("new-103"))).StatusCode);
    }

    [Fact]
    public async Task AgentProfile_Put_ToExistingWithoutPrecondition_In20_Returns409()
    {
        var lrs = site.Lrs("2.0.0");
        await lrs.PutAsync(ProfileUrl("existing"), JsonBody("{\"a\":1}"));

        var put = await lrs.PutAsync(ProfileUrl("existing"), JsonBody("{\"a\":2}"));

        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.Equal("{\"a\":1}", await (await lrs.GetAsync(ProfileUrl("existing"))).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AgentProfile_Post_MergesJsonObjects()
    {
        var lrs = site.Lrs();
        await lrs.PostAsync(ProfileUrl("merge"), JsonBody("{\"a\":1}"));

        var post = await lrs.PostAsync(ProfileUrl("merge"), JsonBody("{\"b\":2}"));

        Assert.Equal(HttpStatusCode.NoContent, post.StatusCode);
        var merged = await Json.ReadAsync(await lrs.GetAsync(ProfileUrl("merge")));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"a\":1,\"b\":2}"), merged), merged.ToJsonString());
    }

    [Fact]
    public async Task AgentProfile_Post_WithIfNoneMatchStar_WhenTheDocumentExists_Returns412()
    {
        var lrs = site.Lrs();
        await lrs.PostAsync(ProfileUrl("exists"), JsonBody("{\"a\":1}"));

        var post = await lrs.SendAsync(HttpMethod.Post, ProfileUrl("exists"), JsonBody("{\"b\":2}"), ifNoneMatch: "*");

        Assert.Equal(HttpStatusCode.PreconditionFailed, post.StatusCode);
    }

    [Fact]
    public async Task AgentProfile_GetMultiple_ListsTheAgentsProfileIds()
    {
        var lrs = site.Lrs();
        await lrs.CreateAsync(ProfileUrl("one"), JsonBody("{}"));
        await lrs.CreateAsync(ProfileUrl("two"), Body("2", "text/plain"));
        await lrs.CreateAsync(Url(AgentProfile, ("agent", Agent()), ("profileId", "someone-else")), JsonBody("{}"));

        var response = await lrs.GetAsync(ProfileUrl(null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["one", "two"], (await Json.ReadAsync(response)).AsArray().Select(i => i!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task AgentProfile_Delete_WithAStaleETag_Returns412AndKeepsTheDocument()
    {
        var lrs = site.Lrs();
        await lrs.CreateAsync(ProfileUrl("keep"), JsonBody("{}"));

        var delete = await lrs.SendAsync(HttpMethod.Delete, ProfileUrl("keep"), ifMatch: "\"1234\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lrs.GetAsync(ProfileUrl("keep"))).StatusCode);
    }

    [Theory]
    [InlineData("{\"objectType\":\"Group\",\"mbox\":\"mailto:team@example.org\"}", "agent.objectType")]
    [InlineData("{\"name\":\"No identifier\"}", "agent")]
    [InlineData("{\"mbox\":\"learner@example.org\"}", "agent.mbox")]
    [InlineData("[]", "agent")]
    public async Task AgentProfile_InvalidAgent_Returns400NamingIt(string agentJson, string property)
    {
        var response = await site.Lrs().GetAsync(Url(AgentProfile, ("agent", agentJson), ("profileId", "p")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(property, (await ProblemAsync(response))["property"]!.GetValue<string>());
    }

    [Fact]
    public async Task AgentProfile_AgentIdentifiedByAccount_Works()
    {
        var lrs = site.Lrs();
        var account = $"{{\"account\":{{\"homePage\":\"https://academy.test\",\"name\":\"{Guid.NewGuid():N}\"}}}}";
        await lrs.CreateAsync(Url(AgentProfile, ("agent", account), ("profileId", "p")), JsonBody("{\"ok\":true}"));

        var get = await lrs.GetAsync(Url(AgentProfile, ("agent", account), ("profileId", "p")));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }
}
