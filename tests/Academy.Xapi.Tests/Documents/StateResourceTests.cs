using System.Net;
using System.Text.Json.Nodes;
using static Academy.Xapi.Tests.Documents.Documents;

namespace Academy.Xapi.Tests.Documents;

/// Communication 2.3 (State resource), with 2.2 (documents) and 3.1 (concurrency) as they apply to it.
public sealed class StateResourceTests(LrsSite site) : IClassFixture<LrsSite>
{
    private readonly string activity = Statements.NewActivity();
    private readonly string agent = Agent();

    private string StateUrl(string? stateId, string? registration = null, string? since = null) =>
        Url(State, ("activityId", activity), ("agent", agent), ("registration", registration), ("stateId", stateId), ("since", since));

    [Fact]
    public async Task State_PutThenGet_ReturnsTheContentWithItsContentTypeETagAndLastModified()
    {
        var lrs = site.Lrs();

        var put = await lrs.PutAsync(StateUrl("bookmark"), Body("page 7", "text/plain"));
        var get = await lrs.GetAsync(StateUrl("bookmark"));

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("page 7", await get.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", get.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"\"{Sha1("page 7")}\"", get.Headers.ETag!.ToString());
        Assert.NotNull(get.Content.Headers.LastModified);
        Assert.True(get.Content.Headers.LastModified > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task State_Get_WhenThereIsNoDocument_Returns404()
    {
        var response = await site.Lrs().GetAsync(StateUrl("nothing-here"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task State_Head_AnswersAsGetWithoutTheBody()
    {
        var lrs = site.Lrs();
        await lrs.PutAsync(StateUrl("head"), JsonBody("{\"a\":1}"));

        var response = await lrs.SendAsync(HttpMethod.Head, StateUrl("head"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"\"{Sha1("{\"a\":1}")}\"", response.Headers.ETag!.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task State_Post_MergesTopLevelPropertiesOfJsonObjects()
    {
        var lrs = site.Lrs();
        await lrs.PutAsync(StateUrl("vars"), JsonBody("{\"x\":\"foo\",\"y\":\"bar\",\"o\":{\"keep\":false}}"));

        var post = await lrs.PostAsync(StateUrl("vars"), JsonBody("{\"x\":\"bash\",\"z\":\"faz\",\"o\":{\"new\":true}}"));
        var get = await lrs.GetAsync(StateUrl("vars"));

        Assert.Equal(HttpStatusCode.NoContent, post.StatusCode);
        var merged = await Json.ReadAsync(get);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"x\":\"bash\",\"y\":\"bar\",\"o\":{\"new\":true},\"z\":\"faz\"}"), merged), merged.ToJsonString());
        Assert.Equal("application/json", get.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task State_Post_WhenThereIsNoDocument_StoresIt()
    {
        var lrs = site.Lrs();

        var post = await lrs.PostAsync(StateUrl("fresh"), JsonBody("{\"score\":3}"));
        var get = await lrs.GetAsync(StateUrl("fresh"));

        Assert.Equal(HttpStatusCode.NoContent, post.StatusCode);
        Assert.Equal(3, (await Json.ReadAsync(get))["score"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("text/plain", "hello")]
    [InlineData("application/json", "[1,2]")]
    [InlineData("application/json", "not json")]
    public async Task State_Post_WhenThePostedDocumentIsNotAJsonObject_Returns400(string contentType, string body)
    {
        var lrs = site.Lrs();
        await lrs.PutAsync(StateUrl("target"), JsonBody("{\"a\":1}"));

        var post = await lrs.PostAsync(StateUrl("target"), Body(body, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal("{\"a\":1}", await (await lrs.GetAsync(StateUrl("target"))).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task State_Post_OverADocumentThatIsNotJson_Returns400AndKeepsIt()
    {
        var lrs = site.Lrs();
        await lrs.PutAsync(StateUrl("text"), Body("plain words", "text/plain"));

        var post = await lrs.PostAsync(StateUrl("text"), JsonBody("{\"a\":1}"));

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("not a JSON object", (await ProblemAsync(post))["message"]!.GetValue<string>());
        Assert.Equal("plain words", await (await lrs.GetAsync(StateUrl("text"))).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task State_Put_JsonContentTypeWithInvalidJson_Returns400()
    {
        var response = await site.Lrs().PutAsync(StateUrl("broken"), JsonBody("{\"a\":"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task State_Put_WithAContentTypeLongerThan255Characters_Returns400()
    {
        var response = await site.Lrs().PutAsync(StateUrl("long-type"), Body("x", "application/x-" + new string('a', 260)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Content-Type", (await ProblemAsync(response))["property"]!.GetValue<string>());
    }

    [Fact]
    public async Task State_Put_ReplacesTheDocument()
    {
        var lrs = site.Lrs();
        await lrs.PutAsync(StateUrl("replace"), JsonBody("{\"a\":1}"));

        var put = await lrs.PutAsync(StateUrl("replace"), JsonBody("{\"b\":2}"));

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal("{\"b\":2}", await (await lrs.GetAsync(StateUrl("replace"))).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task State_GetMultiple_ReturnsTheIdsChangedSinceTheTimestamp()
    {
        var lrs = site.Lrs();
        await lrs.PutAsync(StateUrl("first"), JsonBody("{}"));
        await Task.Delay(50);
        var between = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'");
        await Task.Delay(50);
        await lrs.PutAsync(StateUrl("second"), JsonBody("{}"));

        var all = await lrs.GetAsync(StateUrl(null));
        var since = await lrs.GetAsync(StateUrl(null, since: between));

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal(["first", "second"], (await Json.ReadAsync(all)).AsArray().Select(i => i!.GetValue<string>()).Order());
        Assert.Equal(["second"], (await Json.ReadAsync(since)).AsArray().Select(i => i!.GetValue<string>()));
        Assert.NotNull(all.Content.Headers.LastModified);
        Assert.NotNull(all.Headers.ETag);
    }

    [Fact]
    public async Task State_GetMultiple_ForAContextWithNoDocuments_ReturnsAnEmptyArray()
    {
        var response = await site.Lrs().GetAsync(StateUrl(null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await Json.ReadAsync(response)).AsArray());
    }

    [Fact]
    public async Task State_Registration_KeepsADocumentApartFromTheSameIdWithoutIt()
    {
        var lrs = site.Lrs();
        var registration = Guid.NewGuid().ToString();
        await lrs.PutAsync(StateUrl("progress", registration), JsonBody("{\"in\":\"registration\"}"));

        var without = await lrs.GetAsync(StateUrl("progress"));
        var with = await lrs.GetAsync(StateUrl("progress", registration.ToUpperInvariant()));
        var ids = await lrs.GetAsync(StateUrl(null, registration));

        Assert.Equal(HttpStatusCode.NotFound, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Equal(["progress"], (await Json.ReadAsync(ids)).AsArray().Select(i => i!.GetValue<string>()));
    }

    [Fact]
    public async Task State_Agent_IsTheSameAgentWhateverItsName()
    {
        var lrs = site.Lrs();
        var mbox = Statements.NewMbox();
        await lrs.PutAsync(Url(State, ("activityId", activity), ("agent", Agent(mbox, "Ann")), ("stateId", "s")), JsonBody("{\"who\":\"ann\"}"));

        var get = await lrs.GetAsync(Url(State, ("activityId", activity), ("agent", $"{{\"mbox\":\"{mbox}\"}}"), ("stateId", "s")));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Fact]
    public async Task State_DeleteSingle_RemovesOnlyThatDocument()
    {
        var lrs = site.Lrs();
        await lrs.PutAsync(StateUrl("gone"), JsonBody("{}"));
        await lrs.PutAsync(StateUrl("kept"), JsonBody("{}"));

        var delete = await lrs.DeleteAsync(StateUrl("gone"));

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lrs.GetAsync(StateUrl("gone"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lrs.GetAsync(StateUrl("kept"))).StatusCode);
    }

    [Fact]
    public async Task State_DeleteMultiple_WithRegistration_RemovesOnlyThatRegistrationsDocuments()
    {
        var lrs = site.Lrs();
        var registration = Guid.NewGuid().ToString();
        await lrs.PutAsync(StateUrl("a", registration), JsonBody("{}"));
        await lrs.PutAsync(StateUrl("b", registration), JsonBody("{}"));
        await lrs.PutAsync(StateUrl("c"), JsonBody("{}"));

        var delete = await lrs.DeleteAsync(StateUrl(null, registration));

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Empty((await Json.ReadAsync(await lrs.GetAsync(StateUrl(null, registration)))).AsArray());
        Assert.Equal(HttpStatusCode.OK, (await lrs.GetAsync(StateUrl("c"))).StatusCode);
    }

    [Fact]
    public async Task State_DeleteMultiple_RemovesEveryDocumentOfTheActivityAndAgent()
    {
        var lrs = site.Lrs();
        await lrs.PutAsync(StateUrl("a", Guid.NewGuid().ToString()), JsonBody("{}"));
        await lrs.PutAsync(StateUrl("b"), JsonBody("{}"));
        var otherAgent = Url(State, ("activityId", activity), ("agent", Agent()), ("stateId", "b"));
        await lrs.PutAsync(otherAgent, JsonBody("{}"));

        var delete = await lrs.DeleteAsync(StateUrl(null));

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Empty((await Json.ReadAsync(await lrs.GetAsync(StateUrl(null)))).AsArray());
        Assert.Equal(HttpStatusCode.OK, (await lrs.GetAsync(otherAgent)).StatusCode);
    }

    public static TheoryData<string, string, string> BadParameters() => new()
    {
        // method, query (built from a valid one), the parameter the 400 names
        { "PUT", "agent={agent}&stateId=s", "activityId" },
        { "GET", "activityId={activity}&stateId=s", "agent" },
        { "PUT", "activityId={activity}&agent={agent}", "stateId" },
        { "POST", "activityId={activity}&agent={agent}", "stateId" },
        { "GET", "activityId=not-an-iri&agent={agent}&stateId=s", "activityId" },
        { "GET", "activityId={activity}&agent=not%20json&stateId=s", "agent" },
        { "DELETE", "activityId={activity}&agent=true&stateId=s", "agent" },
        { "GET", "activityId={activity}&agent=%7B%22objectType%22%3A%22Group%22%2C%22mbox%22%3A%22mailto%3Ag%40example.org%22%7D&stateId=s", "agent.objectType" },
        { "PUT", "activityId={activity}&agent=%7B%22mbox%22%3A%22mailto%3Aa%40example.org%22%2C%22openid%22%3A%22http%3A%2F%2Fa.example.org%22%7D&stateId=s", "agent" },
        { "PUT", "activityId={activity}&agent={agent}&stateId=s&registration=not-a-uuid", "registration" },
        { "GET", "activityId={activity}&agent={agent}&since=yesterday", "since" },
        { "GET", "activityId={activity}&agent={agent}&stateId=s&since=2026-13-01T00:00:00Z", "since" },
        { "GET", "activityId={activity}&agent={agent}&stateId=s&profileId=p", "profileId" },
        { "GET", "ActivityId={activity}&agent={agent}&stateId=s", "ActivityId" },
    };

    [Theory, MemberData(nameof(BadParameters))]
    public async Task State_InvalidOrMissingParameter_Returns400NamingIt(string method, string query, string parameter)
    {
        var url = State + "?" + query.Replace("{activity}", Uri.EscapeDataString(activity)).Replace("{agent}", Uri.EscapeDataString(agent));

        var response = await site.Lrs().SendAsync(new HttpMethod(method), url, method is "PUT" or "POST" ? JsonBody("{}") : null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter, (await ProblemAsync(response))["property"]!.GetValue<string>());
    }

    [Fact]
    public async Task State_Put_ToExistingWithoutPrecondition_In1_0_3_Returns204()
    {
        // Communication 3.1 (1.0.3): "The State Resource will permit PUT, POST and DELETE requests without concurrency headers".
        var lrs = site.Lrs("1.0.3");
        await lrs.PutAsync(StateUrl("v1"), JsonBody("{\"a\":1}"));

        var put = await lrs.PutAsync(StateUrl("v1"), JsonBody("{\"a\":2}"));

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
    }

    [Fact]
    public async Task State_Put_ToExistingWithoutPrecondition_In2_0_Returns409AndKeepsTheDocument()
    {
        var lrs = site.Lrs("2.0.0");
        await lrs.PutAsync(StateUrl("v2"), JsonBody("{\"a\":1}"));

        var put = await lrs.PutAsync(StateUrl("v2"), JsonBody("{\"a\":2}"));

        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.Contains("If-Match", (await ProblemAsync(put))["message"]!.GetValue<string>());
        Assert.Equal("{\"a\":1}", await (await lrs.GetAsync(StateUrl("v2"))).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task State_Put_WithTheCurrentETagInIfMatch_Returns204()
    {
        var lrs = site.Lrs("2.0.0");
        await lrs.PutAsync(StateUrl("match"), JsonBody("{\"a\":1}"));
        var etag = (await lrs.GetAsync(StateUrl("match"))).Headers.ETag!.ToString();

        var put = await lrs.SendAsync(HttpMethod.Put, StateUrl("match"), JsonBody("{\"a\":2}"), ifMatch: etag);

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal("{\"a\":2}", await (await lrs.GetAsync(StateUrl("match"))).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public async Task State_WithAStaleETagInIfMatch_Returns412AndKeepsTheDocument(string method)
    {
        var lrs = site.Lrs();
        await lrs.PutAsync(StateUrl("stale"), JsonBody("{\"a\":1}"));
        var stale = $"\"{Sha1("{\"a\":0}")}\"";

        var response = await lrs.SendAsync(new HttpMethod(method), StateUrl("stale"), method == "DELETE" ? null : JsonBody("{\"a\":2}"), ifMatch: stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("{\"a\":1}", await (await lrs.GetAsync(StateUrl("stale"))).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task State_Put_WithIfNoneMatchStar_WhenTheDocumentExists_Returns412()
    {
        var lrs = site.Lrs();
        await lrs.PutAsync(StateUrl("exists"), JsonBody("{\"a\":1}"));

        var put = await lrs.SendAsync(HttpMethod.Put, StateUrl("exists"), JsonBody("{\"a\":2}"), ifNoneMatch: "*");

        Assert.Equal(HttpStatusCode.PreconditionFailed, put.StatusCode);
    }

    [Fact]
    public async Task State_Put_WithIfNoneMatchStar_WhenThereIsNoDocument_Returns204()
    {
        var put = await site.Lrs().SendAsync(HttpMethod.Put, StateUrl("new"), JsonBody("{\"a\":1}"), ifNoneMatch: "*");

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
    }

    [Fact]
    public async Task State_Put_WithIfMatch_WhenThereIsNoDocument_Returns412()
    {
        var put = await site.Lrs().SendAsync(HttpMethod.Put, StateUrl("absent"), JsonBody("{\"a\":1}"), ifMatch: $"\"{Sha1("x")}\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, put.StatusCode);
    }

    [Fact]
    public async Task State_ConcurrentPostsWithoutPreconditions_LoseNoProperty()
    {
        var lrs = site.Lrs();

        var posts = Enumerable.Range(0, 8).Select(i => lrs.PostAsync(StateUrl("race"), JsonBody($"{{\"p{i}\":{i}}}")));
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        var merged = (await Json.ReadAsync(await lrs.GetAsync(StateUrl("race")))).AsObject();
        Assert.Equal(8, merged.Count);
    }
}
