using System.Net;
using System.Text.Json.Nodes;
using static Academy.Xapi.Tests.Documents.Documents;

namespace Academy.Xapi.Tests.Documents;

/// Communication 2.7 (Activity Profile resource), with 2.2 and 3.1.
public sealed class ActivityProfileResourceTests(LrsSite site) : IClassFixture<LrsSite>
{
    private readonly string activity = Statements.NewActivity();

    private string ProfileUrl(string? profileId, string? since = null) =>
        Url(ActivityProfile, ("activityId", activity), ("profileId", profileId), ("since", since));

    [Fact]
    public async Task ActivityProfile_PutWithIfNoneMatchStar_ThenGet_ReturnsTheDocumentAndItsETag()
    {
        var lrs = site.Lrs();

        var put = await lrs.SendAsync(HttpMethod.Put, ProfileUrl("settings"), JsonBody("{\"theme\":\"dark\"}"), ifNoneMatch: "*");
        var get = await lrs.GetAsync(ProfileUrl("settings"));

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("{\"theme\":\"dark\"}", await get.Content.ReadAsStringAsync());
        Assert.Equal($"\"{Sha1("{\"theme\":\"dark\"}")}\"", get.Headers.ETag!.ToString());
        Assert.NotNull(get.Content.Headers.LastModified);
    }

    // XAPI-00287/00293 (1.0.3, Communication 2.7): a PUT without If-Match or If-None-Match is refused
    // even for a document that does not exist yet; nothing is stored.
    [Fact]
    public async Task XAPI_00287_ActivityProfile_PutWithoutPrecondition_In103_Returns400AndStoresNothing()
    {
        var lrs = site.Lrs("1.0.3");

        var put = await lrs.PutAsync(ProfileUrl("new-103"), JsonBody("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("If-None-Match", (await ProblemAsync(put))["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await lrs.GetAsync(ProfileUrl("new-103"))).StatusCode);
    }

    [Fact]
    public async Task ActivityProfile_Put_ToANewDocumentWithoutPrecondition_In20_Returns204()
    {
        var put = await site.Lrs("2.0.0").PutAsync(ProfileUrl("new"), JsonBody("{}"));

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
    }

    [Fact]
    public async Task ActivityProfile_Put_ToExistingWithoutPrecondition_In20_Returns409()
    {
        var lrs = site.Lrs("2.0.0");
        var url = ProfileUrl("existing-2.0.0");
        await lrs.PutAsync(url, JsonBody("{\"a\":1}"));

        var put = await lrs.PutAsync(url, JsonBody("{\"a\":2}"));

        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        var message = (await ProblemAsync(put))["message"]!.GetValue<string>();
        Assert.Contains("If-Match", message);
        Assert.Contains("ETag", message);
        Assert.Equal("{\"a\":1}", await (await lrs.GetAsync(url)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ActivityProfile_Put_WithTheCurrentETag_ReplacesTheDocument()
    {
        var lrs = site.Lrs();
        await lrs.CreateAsync(ProfileUrl("replace"), JsonBody("{\"a\":1}"));
        var etag = (await lrs.GetAsync(ProfileUrl("replace"))).Headers.ETag!.ToString();

        var put = await lrs.SendAsync(HttpMethod.Put, ProfileUrl("replace"), Body("<b/>", "application/xml"), ifMatch: etag);
        var get = await lrs.GetAsync(ProfileUrl("replace"));

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal("<b/>", await get.Content.ReadAsStringAsync());
        Assert.Equal("application/xml", get.Content.Headers.ContentType!.MediaType);
        Assert.NotEqual(etag, get.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task ActivityProfile_Put_WithAStaleETag_Returns412()
    {
        var lrs = site.Lrs();
        await lrs.CreateAsync(ProfileUrl("stale"), JsonBody("{\"a\":1}"));

        var put = await lrs.SendAsync(HttpMethod.Put, ProfileUrl("stale"), JsonBody("{\"a\":2}"), ifMatch: "\"0000000000000000000000000000000000000000\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, put.StatusCode);
        Assert.Equal("{\"a\":1}", await (await lrs.GetAsync(ProfileUrl("stale"))).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ActivityProfile_Post_MergesJsonObjects()
    {
        var lrs = site.Lrs();
        await lrs.CreateAsync(ProfileUrl("merge"), JsonBody("{\"x\":\"foo\",\"y\":\"bar\"}"));

        var post = await lrs.PostAsync(ProfileUrl("merge"), JsonBody("{\"x\":\"bash\",\"z\":\"faz\"}"));

        Assert.Equal(HttpStatusCode.NoContent, post.StatusCode);
        var merged = await Json.ReadAsync(await lrs.GetAsync(ProfileUrl("merge")));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"x\":\"bash\",\"y\":\"bar\",\"z\":\"faz\"}"), merged), merged.ToJsonString());
    }

    [Fact]
    public async Task ActivityProfile_Post_NonJsonBody_Returns400()
    {
        var post = await site.Lrs().PostAsync(ProfileUrl("text"), Body("words", "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
    }

    [Fact]
    public async Task ActivityProfile_GetMultiple_ReturnsTheIdsChangedSinceTheTimestamp()
    {
        var lrs = site.Lrs();
        await lrs.CreateAsync(ProfileUrl("old"), JsonBody("{}"));
        await Task.Delay(50);
        var between = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz");
        await Task.Delay(50);
        await lrs.CreateAsync(ProfileUrl("recent"), JsonBody("{}"));

        var all = await lrs.GetAsync(ProfileUrl(null));
        var since = await lrs.GetAsync(ProfileUrl(null, between));

        Assert.Equal(["old", "recent"], (await Json.ReadAsync(all)).AsArray().Select(i => i!.GetValue<string>()).Order());
        Assert.Equal(["recent"], (await Json.ReadAsync(since)).AsArray().Select(i => i!.GetValue<string>()));
    }

    [Fact]
    public async Task ActivityProfile_Delete_RemovesTheDocument()
    {
        var lrs = site.Lrs();
        await lrs.CreateAsync(ProfileUrl("delete"), JsonBody("{}"));
        var etag = (await lrs.GetAsync(ProfileUrl("delete"))).Headers.ETag!.ToString();

        var delete = await lrs.SendAsync(HttpMethod.Delete, ProfileUrl("delete"), ifMatch: etag);

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lrs.GetAsync(ProfileUrl("delete"))).StatusCode);
    }

    [Fact]
    public async Task ActivityProfile_Delete_WithoutProfileId_Returns400()
    {
        var delete = await site.Lrs().DeleteAsync(ProfileUrl(null));

        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.Equal("profileId", (await ProblemAsync(delete))["property"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("profileId=p", "activityId")]
    [InlineData("activityId={activity}&profileId=p&agent=%7B%22mbox%22%3A%22mailto%3Aa%40example.org%22%7D", "agent")]
    [InlineData("activityId={activity}&profileId=p&registration=8f87ccde-bb56-4c2e-ab83-44982ef22df0", "registration")]
    public async Task ActivityProfile_MissingOrUnknownParameter_Returns400NamingIt(string query, string parameter)
    {
        var response = await site.Lrs().GetAsync(ActivityProfile + "?" + query.Replace("{activity}", Uri.EscapeDataString(activity)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter, (await ProblemAsync(response))["property"]!.GetValue<string>());
    }

    [Fact]
    public async Task ActivityProfile_IsSeparateFromTheStateOfTheSameActivity()
    {
        var lrs = site.Lrs();
        await lrs.CreateAsync(ProfileUrl("shared-id"), JsonBody("{\"from\":\"profile\"}"));

        var state = await lrs.GetAsync(Url(State, ("activityId", activity), ("agent", Agent()), ("stateId", "shared-id")));

        Assert.Equal(HttpStatusCode.NotFound, state.StatusCode);
    }
}
