using System.Net;

namespace Academy.Xapi.Tests.Conformance;

/// Protocol rules (xAPI Communication) as the ADL LRS conformance suite checks them.
public sealed class CommunicationConformanceTests(LrsSite site) : IClassFixture<LrsSite>
{
    // XAPI-00331 (v2_0/H.Communication3.3-Versioning.js): without the version header the LRS answers 400
    // and, being a 2.0 LRS, says X-Experience-API-Version: 2.0.0.
    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    public async Task Communication_3_3_RequestWithoutVersionHeader_Returns400WithVersion200(string method)
    {
        var client = site.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = LrsSite.Basic(LrsSite.Key, LrsSite.Secret);
        var request = new HttpRequestMessage(new HttpMethod(method), $"/xapi/statements?statementId={Guid.NewGuid()}");
        if (method != "GET") request = new HttpRequestMessage(new HttpMethod(method), method == "PUT" ? $"/xapi/statements?statementId={Guid.NewGuid()}" : "/xapi/statements") { Content = Json.Content(Statements.Make()) };

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("2.0.0", response.Headers.GetValues("X-Experience-API-Version").Single());
    }

    // XAPI-00331 (v1_0_3/H.Communication3.3-Versioning.js) expects 1.0.3 on that 400 instead: the suites
    // disagree, so a 1.0.3-only run sets Academy:Xapi:UnversionedAnswer=1.0.3.
    [Fact]
    public async Task Communication_3_3_RequestWithoutVersionHeader_AnswersTheConfiguredVersion()
    {
        await using var configured = LrsSite.CreateLrs(overrides: new Dictionary<string, string?> { ["Academy:Xapi:UnversionedAnswer"] = "1.0.3" });
        var client = configured.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = LrsSite.Basic(LrsSite.Key, LrsSite.Secret);

        var response = await client.GetAsync("/xapi/statements");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("1.0.3", response.Headers.GetValues("X-Experience-API-Version").Single());
    }

    // XAPI-00331 (2.0): any header of "2.0" or "2.0.x" is accepted, answered with 2.0.0.
    [Theory]
    [InlineData("2.0")]
    [InlineData("2.0.1")]
    [InlineData("1.0")]
    public async Task Communication_3_3_VersionHeader_PatchVersions_AreAccepted(string version)
    {
        var response = await site.Lrs(version).GetAsync("/xapi/statements?limit=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(version.StartsWith('2') ? "2.0.0" : "1.0.3", response.Headers.GetValues("X-Experience-API-Version").Single());
    }

    // Communication 3.3: every answer, errors included, speaks the client's version.
    [Fact]
    public async Task Communication_3_3_ErrorAnswers_CarryTheClientsVersion()
    {
        var unauthorised = site.CreateAnonymousClient();
        unauthorised.DefaultRequestHeaders.Add("X-Experience-API-Version", "2.0.0");

        var response = await unauthorised.GetAsync("/xapi/statements");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("2.0.0", response.Headers.GetValues("X-Experience-API-Version").Single());
        var about = await site.Lrs("1.0.3").GetAsync("/xapi/about");
        Assert.Equal("1.0.3", about.Headers.GetValues("X-Experience-API-Version").Single());
    }

    // XAPI-00125 / XAPI-00126 (Communication 1.1): an LRS answers any HEAD as it answers the GET, without
    // the body; HEAD /about answered 404.
    [Theory]
    [InlineData("/xapi/about")]
    [InlineData("/xapi/statements")]
    public async Task Communication_1_1_Head_AnswersAsGetWithoutBody(string path)
    {
        var response = await site.Lrs().SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.True(response.Headers.Contains("X-Experience-API-Version"));
    }

    // XAPI-00153 (Communication 2.1.3): X-Experience-API-Consistent-Through comes with every answer to a
    // statement GET "regardless of the code returned"; the suite misuses GET with ?LIMIT=1 (400).
    [Theory]
    [InlineData("/xapi/statements?LIMIT=1", HttpStatusCode.BadRequest)]
    [InlineData("/xapi/statements?statementId=not-a-uuid", HttpStatusCode.BadRequest)]
    [InlineData("/xapi/statements?statementId=9e13cefd-53d3-4eac-b5ed-2cf6693903bb", HttpStatusCode.NotFound)]
    [InlineData("/xapi/statements?limit=1", HttpStatusCode.OK)]
    public async Task Communication_2_1_3_ConsistentThrough_IsSentWhateverTheStatus(string path, HttpStatusCode status)
    {
        var response = await site.Lrs().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.True(response.Headers.Contains("X-Experience-API-Consistent-Through"), $"{path}: no X-Experience-API-Consistent-Through");
    }

    // Issue 12 §1: the header is the latest time through which every statement is visible, so after a
    // quiet spell it is now, not the newest stored time (clients that wait for consistency waited for ever).
    [Fact]
    public async Task Communication_2_1_3_ConsistentThrough_TwoSecondsAfterAStatement_IsWithinASecondOfNow()
    {
        var client = site.Lrs();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/xapi/statements", Json.Content(Statements.Make()))).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var response = await client.GetAsync("/xapi/statements?limit=1");

        var header = DateTimeOffset.Parse(response.Headers.GetValues("X-Experience-API-Consistent-Through").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(header, DateTimeOffset.UtcNow.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    // v2_0/H.Communication1.3-AlternateRequestSyntax.js: xAPI 2.0 removed the alternate request syntax, so a
    // 2.0 request (version in the header or in the form) that uses it gets a 4xx; a 1.0.x one still works.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Communication_1_3_AlternateRequestSyntax_In20_Returns400(bool versionInHeader)
    {
        var id = Guid.NewGuid().ToString();
        var fields = new Dictionary<string, string>
        {
            ["statementId"] = id,
            ["content"] = Statements.Make().ToJsonString(),
            ["Authorization"] = LrsSite.Basic(LrsSite.Key, LrsSite.Secret).ToString(),
        };
        var client = site.CreateAnonymousClient();
        if (versionInHeader) client.DefaultRequestHeaders.Add("X-Experience-API-Version", "2.0.0");
        else fields["X-Experience-API-Version"] = "2.0.0";

        var response = await client.PostAsync("/xapi/statements?method=PUT", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Lrs("2.0.0").GetAsync($"/xapi/statements?statementId={id}")).StatusCode);
    }

    // XAPI-00336 (1.0.3, Communication 1.3): form fields named like the headers are the request's headers,
    // so a form carrying X-Experience-API-Version: 0.8 is refused even when the real header says 1.0.3.
    [Fact]
    public async Task XAPI_00336_AlternateRequestSyntax_FormWithVersion08_Returns400()
    {
        var id = Guid.NewGuid().ToString();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["statementId"] = id,
            ["content"] = Statements.Make().ToJsonString(),
            ["Authorization"] = LrsSite.Basic(LrsSite.Key, LrsSite.Secret).ToString(),
            ["X-Experience-API-Version"] = "0.8",
        });
        var client = site.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");

        var response = await client.PostAsync("/xapi/statements?method=PUT", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("0.8", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await site.Lrs().GetAsync($"/xapi/statements?statementId={id}")).StatusCode);
    }

    [Fact]
    public async Task Communication_1_3_AlternateRequestSyntax_In103_StillWorks()
    {
        var id = Guid.NewGuid().ToString();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["statementId"] = id,
            ["content"] = Statements.Make().ToJsonString(),
            ["Authorization"] = LrsSite.Basic(LrsSite.Key, LrsSite.Secret).ToString(),
            ["X-Experience-API-Version"] = "1.0.3",
        });

        var response = await site.CreateAnonymousClient().PostAsync("/xapi/statements?method=PUT", form);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
