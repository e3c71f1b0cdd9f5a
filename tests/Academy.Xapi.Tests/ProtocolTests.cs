using System.Net;

namespace Academy.Xapi.Tests;

/// Communication 1.3 (alternate request syntax), 3.3 (versioning), 4 (security), and CORS.
public sealed class ProtocolTests(LrsSite site) : IClassFixture<LrsSite>
{
    [Fact]
    public async Task About_Get_ListsSupportedVersionsWithoutCredentials()
    {
        var response = await site.CreateAnonymousClient().GetAsync("/xapi/about");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await Json.ReadAsync(response);
        Assert.Equal(["2.0.0", "1.0.3"], json["version"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.True(response.Headers.Contains("X-Experience-API-Version"));
    }

    [Fact]
    public async Task Versioning_RequestWithoutVersionHeader_Returns400()
    {
        var client = site.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = LrsSite.Basic(LrsSite.Key, LrsSite.Secret);

        var response = await client.GetAsync("/xapi/statements");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-Experience-API-Version", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("0.95")]
    [InlineData("1.1.0")]
    [InlineData("3.0.0")]
    public async Task Versioning_UnsupportedVersion_Returns400(string version)
    {
        var response = await site.Lrs(version).GetAsync("/xapi/statements");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("1.0.2", "1.0.3")]
    [InlineData("1.0.3", "1.0.3")]
    [InlineData("2.0.0", "2.0.0")]
    public async Task Versioning_SupportedVersion_IsAnsweredWithTheLatestPatch(string version, string answered)
    {
        var response = await site.Lrs(version).GetAsync("/xapi/statements");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(answered, response.Headers.GetValues("X-Experience-API-Version").Single());
    }

    [Fact]
    public async Task Security_RequestWithoutCredentials_Returns401WithBasicChallenge()
    {
        var client = site.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");

        var response = await client.GetAsync("/xapi/statements");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Basic", response.Headers.WwwAuthenticate.Single().ToString());
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Security_WrongSecret_Returns401()
    {
        var response = await site.Lrs(secret: "wrong").GetAsync("/xapi/statements");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Cors_Preflight_AllowsTheHeadersXapiClientsSend()
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/xapi/statements");
        request.Headers.Add("Origin", "https://content.example");
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-experience-api-version");

        var response = await site.CreateAnonymousClient().SendAsync(request);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("https://content.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowed = response.Headers.GetValues("Access-Control-Allow-Headers").Single();
        foreach (var header in new[] { "Authorization", "Content-Type", "X-Experience-API-Version", "If-Match", "If-None-Match" })
            Assert.Contains(header, allowed);
        Assert.Contains("PUT", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
    }

    [Fact]
    public async Task Cors_Response_ExposesXapiHeaders()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/xapi/statements");
        request.Headers.Add("Origin", "https://content.example");

        var response = await site.Lrs().SendAsync(request);

        var exposed = response.Headers.GetValues("Access-Control-Expose-Headers").Single();
        foreach (var header in new[] { "ETag", "Last-Modified", "X-Experience-API-Consistent-Through", "X-Experience-API-Version" })
            Assert.Contains(header, exposed);
    }
}
