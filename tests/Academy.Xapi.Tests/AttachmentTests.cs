using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Academy.Xapi.Tests;

/// Data 2.4.11 and Communication 1.5.2 (attachments in multipart/mixed), Data 2.6 (signed statements).
public sealed class AttachmentTests(LrsSite site) : IClassFixture<LrsSite>
{
    private static JsonObject Attachment(byte[] content, string usage = "http://adlnet.gov/expapi/attachments/supporting_media", string type = "text/plain") => new()
    {
        ["usageType"] = usage,
        ["display"] = new JsonObject { ["en-GB"] = "Evidence" },
        ["contentType"] = type,
        ["length"] = content.Length,
        ["sha2"] = Convert.ToHexStringLower(SHA256.HashData(content)),
    };

    private static MultipartContent Multipart(JsonNode statements, params (byte[] Content, string Type, string? Hash)[] parts)
    {
        var multipart = new MultipartContent("mixed");
        multipart.Add(Json.Content(statements));
        foreach (var (content, type, hash) in parts)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            part.Headers.Add("Content-Transfer-Encoding", "binary");
            part.Headers.Add("X-Experience-API-Hash", hash ?? Convert.ToHexStringLower(SHA256.HashData(content)));
            multipart.Add(part);
        }
        return multipart;
    }

    [Fact]
    public async Task Attachments_MultipartPost_StoresAndReturnsThemWithAttachmentsTrue()
    {
        var client = site.Lrs();
        var content = Encoding.UTF8.GetBytes("Certificate of completion " + Guid.NewGuid());
        var activity = Statements.NewActivity();
        var statement = Statements.Make(activity: activity).With(s => s["attachments"] = new JsonArray(Attachment(content)));

        var post = await client.PostAsync("/xapi/statements", Multipart(statement, (content, "text/plain", null)));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var get = await client.GetAsync($"/xapi/statements?activity={Uri.EscapeDataString(activity)}&attachments=true");
        Assert.Equal("multipart/mixed", get.Content.Headers.ContentType!.MediaType);
        var body = await get.Content.ReadAsStringAsync();
        Assert.Contains("Content-Transfer-Encoding: binary", body);
        Assert.Contains("X-Experience-API-Hash: " + Convert.ToHexStringLower(SHA256.HashData(content)), body);
        Assert.Contains(Encoding.UTF8.GetString(content), body);
    }

    [Fact]
    public async Task Attachments_WithoutFileUrlOrPart_Returns400()
    {
        var statement = Statements.Make().With(s => s["attachments"] = new JsonArray(Attachment([1, 2, 3])));

        var response = await site.Lrs().PostAsync("/xapi/statements", Json.Content(statement));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Attachments_WithFileUrlOnly_IsAccepted()
    {
        var attachment = Attachment([1, 2, 3]);
        attachment["fileUrl"] = "https://files.example.org/evidence.txt";
        var statement = Statements.Make().With(s => s["attachments"] = new JsonArray(attachment));

        var response = await site.Lrs().PostAsync("/xapi/statements", Json.Content(statement));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Attachments_PartWhoseHashDoesNotMatchContent_Returns400()
    {
        var content = Encoding.UTF8.GetBytes("real");
        var statement = Statements.Make().With(s => s["attachments"] = new JsonArray(Attachment(content)));

        var response = await site.Lrs().PostAsync("/xapi/statements", Multipart(statement, (Encoding.UTF8.GetBytes("tampered"), "text/plain", Convert.ToHexStringLower(SHA256.HashData(content)))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Attachments_PartNotNamedByAnyStatement_Returns400()
    {
        var response = await site.Lrs().PostAsync("/xapi/statements", Multipart(Statements.Make(), (Encoding.UTF8.GetBytes("stray"), "text/plain", null)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// A JWS of the payload signed with a fresh RSA key, its self-signed certificate in x5c (Data 2.6).
    private static string Jws(string payload, string algorithm = "RS256")
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=Academy test signer", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return new JsonWebTokenHandler().CreateToken(payload,
            new SigningCredentials(new RsaSecurityKey(rsa), algorithm),
            new Dictionary<string, object> { ["x5c"] = new[] { Convert.ToBase64String(certificate.RawData) } });
    }

    [Theory]
    [InlineData("RS256", true)]
    [InlineData("RS512", true)]
    [InlineData("RS256", false)]
    public async Task SignedStatements_JwsSignature_IsVerified(string algorithm, bool payloadMatches)
    {
        var statement = Statements.Make(id: Guid.NewGuid().ToString());
        var payload = payloadMatches ? statement.ToJsonString() : Statements.Make().ToJsonString();
        var signature = Encoding.ASCII.GetBytes(Jws(payload, algorithm));
        statement["attachments"] = new JsonArray(Attachment(signature, "http://adlnet.gov/expapi/attachments/signature", "application/octet-stream"));

        var response = await site.Lrs().PostAsync("/xapi/statements", Multipart(statement, (signature, "application/octet-stream", null)));

        Assert.Equal(payloadMatches ? HttpStatusCode.OK : HttpStatusCode.BadRequest, response.StatusCode);
    }

    // xAPI 2.0 §4.2.7: durations are compared to 0.01 s, also between a signed statement and its JWS payload.
    [Theory]
    [InlineData("PT1.2349S", HttpStatusCode.OK)]
    [InlineData("PT1.24S", HttpStatusCode.BadRequest)]
    public async Task SignedStatements_PayloadDurationDiffersBelowAHundredthOfASecond_IsTheSameStatement(string payloadDuration, HttpStatusCode expected)
    {
        var statement = Statements.Make(id: Guid.NewGuid().ToString()).With(s => s["result"] = new JsonObject { ["duration"] = "PT1.23S" });
        var payload = ((JsonObject)statement.DeepClone()).With(s => s["result"]!["duration"] = payloadDuration);
        var signature = Encoding.ASCII.GetBytes(Jws(payload.ToJsonString()));
        statement["attachments"] = new JsonArray(Attachment(signature, "http://adlnet.gov/expapi/attachments/signature", "application/octet-stream"));

        var response = await site.Lrs("2.0.0").PostAsync("/xapi/statements", Multipart(statement, (signature, "application/octet-stream", null)));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task SignedStatements_WithAlgorithmOtherThanRs_Returns400()
    {
        var key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
        var statement = Statements.Make();
        var signature = Encoding.ASCII.GetBytes(new JsonWebTokenHandler().CreateToken(statement.ToJsonString(), new SigningCredentials(key, "HS256")));
        statement["attachments"] = new JsonArray(Attachment(signature, "http://adlnet.gov/expapi/attachments/signature", "application/octet-stream"));

        var response = await site.Lrs().PostAsync("/xapi/statements", Multipart(statement, (signature, "application/octet-stream", null)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
