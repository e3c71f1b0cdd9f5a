using System.Net;
using static Academy.Xapi.Tests.Documents.Documents;

namespace Academy.Xapi.Tests.Documents;

/// Communication 1.3 (alternate request syntax) and 3.1 (concurrency) across the document resources.
public sealed class DocumentProtocolTests(LrsSite site) : IClassFixture<LrsSite>
{
    [Fact]
    public async Task State_AlternateRequestSyntax_PutWithFormParameters_StoresTheDocument()
    {
        var activity = Statements.NewActivity();
        var agent = Agent();
        var client = site.CreateAnonymousClient();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["activityId"] = activity,
            ["agent"] = agent,
            ["stateId"] = "via-form",
            ["content"] = "{\"from\":\"form\"}",
            ["Content-Type"] = "application/json",
            ["X-Experience-API-Version"] = "1.0.3",
            ["Authorization"] = LrsSite.Basic(LrsSite.Key, LrsSite.Secret).ToString(),
        });

        var put = await client.PostAsync(State + "?method=PUT", form);
        var get = await site.Lrs().GetAsync(Url(State, ("activityId", activity), ("agent", agent), ("stateId", "via-form")));

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal("{\"from\":\"form\"}", await get.Content.ReadAsStringAsync());
        Assert.Equal("application/json", get.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task ActivityProfile_Get_WithTheCurrentETagInIfNoneMatch_Returns304()
    {
        var lrs = site.Lrs();
        var url = Url(ActivityProfile, ("activityId", Statements.NewActivity()), ("profileId", "cached"));
        await lrs.CreateAsync(url, JsonBody("{\"a\":1}"));
        var etag = (await lrs.GetAsync(url)).Headers.ETag!.ToString();

        var response = await lrs.SendAsync(HttpMethod.Get, url, ifNoneMatch: etag);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task ActivityProfile_ConcurrentCreatesWithIfNoneMatchStar_OnlyOneWins()
    {
        var lrs = site.Lrs();
        var url = Url(ActivityProfile, ("activityId", Statements.NewActivity()), ("profileId", "race"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => lrs.SendAsync(HttpMethod.Put, url, JsonBody($"{{\"writer\":{i}}}"), ifNoneMatch: "*")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.NoContent);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.NoContent), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
    }

    [Fact]
    public async Task AgentProfile_ConcurrentReplacesWithTheSameETag_OnlyOneWins()
    {
        var lrs = site.Lrs();
        var url = Url(AgentProfile, ("agent", Agent()), ("profileId", "race"));
        await lrs.CreateAsync(url, JsonBody("{\"writer\":-1}"));
        var etag = (await lrs.GetAsync(url)).Headers.ETag!.ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => lrs.SendAsync(HttpMethod.Put, url, JsonBody($"{{\"writer\":{i}}}"), ifMatch: etag)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.NoContent);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.NoContent), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
    }
}
