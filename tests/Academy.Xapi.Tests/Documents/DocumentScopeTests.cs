using System.Net;
using static Academy.Xapi.Tests.Documents.Documents;

namespace Academy.Xapi.Tests.Documents;

/// Communication 4.2 (scopes) for the document, Activities and Agents resources.
public sealed class DocumentScopeTests(LrsSite site) : IClassFixture<LrsSite>
{
    private readonly string stateUrl = Url(State, ("activityId", Statements.NewActivity()), ("agent", Agent()), ("stateId", "s"));
    private readonly string profileUrl = Url(ActivityProfile, ("activityId", Statements.NewActivity()), ("profileId", "p"));
    private readonly string agentProfileUrl = Url(AgentProfile, ("agent", Agent()), ("profileId", "p"));

    private async Task<HttpClient> ClientAsync(params string[] scopes)
    {
        var (key, secret) = await site.CredentialAsync(scopes);
        return site.Lrs(key: key, secret: secret);
    }

    [Fact]
    public async Task State_WithTheStateScope_IsAllowed_AndProfilesAreNot()
    {
        var client = await ClientAsync("state");

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsync(stateUrl, JsonBody("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(stateUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsync(profileUrl, JsonBody("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(agentProfileUrl)).StatusCode);
    }

    [Fact]
    public async Task Profiles_WithTheProfileScope_AreAllowed_AndStateIsNot()
    {
        var client = await ClientAsync("profile");

        Assert.Equal(HttpStatusCode.NoContent, (await client.CreateAsync(profileUrl, JsonBody("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.CreateAsync(agentProfileUrl, JsonBody("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(stateUrl)).StatusCode);
    }

    [Fact]
    public async Task Documents_WithAllRead_CanBeReadButNotWritten()
    {
        var client = await ClientAsync("all/read");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(stateUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(profileUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsync(stateUrl, JsonBody("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync(profileUrl)).StatusCode);
    }

    [Theory]
    [InlineData("define", HttpStatusCode.OK)]
    [InlineData("statements/read", HttpStatusCode.OK)]
    [InlineData("all/read", HttpStatusCode.OK)]
    [InlineData("statements/write", HttpStatusCode.Forbidden)]
    [InlineData("state", HttpStatusCode.Forbidden)]
    public async Task ActivitiesAndAgents_NeedDefineOrAReadScope(string scope, HttpStatusCode expected)
    {
        var client = await ClientAsync(scope);

        Assert.Equal(expected, (await client.GetAsync(Url("/xapi/activities", ("activityId", Statements.NewActivity())))).StatusCode);
        Assert.Equal(expected, (await client.GetAsync(Url("/xapi/agents", ("agent", Agent())))).StatusCode);
    }
}
