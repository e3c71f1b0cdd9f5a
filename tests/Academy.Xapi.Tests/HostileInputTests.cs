using System.Net;
using System.Text;

namespace Academy.Xapi.Tests;

/// Reliability: hostile or broken requests get a 4xx with a reason, never a 500, and nothing is stored.
public sealed class HostileInputTests(LrsSite site) : IClassFixture<LrsSite>
{
    private async Task AssertRefusedAsync(HttpContent content, HttpStatusCode expected = HttpStatusCode.BadRequest)
    {
        var id = Guid.NewGuid().ToString();
        var response = await site.Lrs().PutAsync($"/xapi/statements?statementId={id}", content);
        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("message", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await site.Lrs().GetAsync($"/xapi/statements?statementId={id}")).StatusCode);
    }

    [Fact]
    public Task Statements_DeeplyNestedJson_Returns400() =>
        AssertRefusedAsync(Json.Content(Statements.Make().ToJsonString().TrimEnd('}') + ",\"result\":{\"extensions\":{\"http://a.example/e\":" + new string('[', 5000) + new string(']', 5000) + "}}}"));

    [Fact]
    public Task Statements_InvalidUtf8_Returns400()
    {
        var json = Encoding.UTF8.GetBytes(Statements.Make().ToJsonString());
        var bytes = json.Take(20).Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(json.Skip(20)).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        return AssertRefusedAsync(content);
    }

    [Fact]
    public Task Statements_TruncatedJson_Returns400() =>
        AssertRefusedAsync(Json.Content(Statements.Make().ToJsonString()[..40]));

    [Fact]
    public Task Statements_DuplicateKeys_Returns400() =>
        AssertRefusedAsync(Json.Content("{\"actor\":{\"mbox\":\"mailto:a@example.org\"},\"actor\":{\"mbox\":\"mailto:b@example.org\"},\"verb\":{\"id\":\"http://a.example/v\"},\"object\":{\"id\":\"http://a.example/x\"}}"));

    [Fact]
    public Task Statements_WrongContentType_Returns400() =>
        AssertRefusedAsync(new StringContent(Statements.Make().ToJsonString(), Encoding.UTF8, "text/plain"));

    [Fact]
    public Task Statements_HugeBody_Returns413() =>
        AssertRefusedAsync(Json.Content(Statements.Make().ToJsonString().TrimEnd('}') + ",\"result\":{\"response\":\"" + new string('x', 21 * 1024 * 1024) + "\"}}"), HttpStatusCode.RequestEntityTooLarge);

    [Fact]
    public Task Statements_TruncatedMultipart_Returns400()
    {
        var body = "--abc\r\nContent-Type: application/json\r\n\r\n" + Statements.Make().ToJsonString() + "\r\n--abc\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: bin";
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/mixed; boundary=abc");
        return AssertRefusedAsync(content);
    }

    [Fact]
    public async Task Statements_UnknownQueryParameterOnPost_Returns400()
    {
        var response = await site.Lrs().PostAsync("/xapi/statements?statementId=" + Guid.NewGuid(), Json.Content(Statements.Make()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("agent=notjson")]
    [InlineData("agent=%7B%22name%22%3A%22x%22%7D")]
    [InlineData("since=yesterday")]
    [InlineData("limit=-1")]
    [InlineData("format=full")]
    [InlineData("more=garbage")]
    public async Task Statements_BadQueryParameter_Returns400(string query)
    {
        var response = await site.Lrs().GetAsync("/xapi/statements?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
