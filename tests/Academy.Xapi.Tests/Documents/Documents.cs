using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Academy.Xapi.Tests.Documents;

/// Requests to the document resources, each test with its own activity, agent and document ids.
public static class Documents
{
    public const string State = "/xapi/activities/state";
    public const string ActivityProfile = "/xapi/activities/profile";
    public const string AgentProfile = "/xapi/agents/profile";

    public static string Agent(string? mbox = null, string? name = null)
    {
        var agent = new JsonObject { ["objectType"] = "Agent", ["mbox"] = mbox ?? Statements.NewMbox() };
        if (name is not null) agent["name"] = name;
        return agent.ToJsonString();
    }

    /// path?name=value&... with every value escaped; null values are left out.
    public static string Url(string path, params (string Name, string? Value)[] parameters) =>
        path + "?" + string.Join("&", parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));

    public static ByteArrayContent Body(string text, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public static ByteArrayContent JsonBody(string json) => Body(json, "application/json");

    public static string Sha1(string text) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, HttpContent? content = null, string? ifMatch = null, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return client.SendAsync(request);
    }

    /// PUT of a new document, with the If-None-Match: * that 1.0.3 profile PUTs need (XAPI-00273, XAPI-00287).
    public static Task<HttpResponseMessage> CreateAsync(this HttpClient client, string url, HttpContent content) =>
        client.SendAsync(HttpMethod.Put, url, content, ifNoneMatch: "*");

    public static async Task<JsonNode> ProblemAsync(HttpResponseMessage response) => await Json.ReadAsync(response);

    public static async Task<(string Key, string Secret)> CredentialAsync(this LrsSite site, params string[] scopes)
    {
        var (credential, secret) = await site.WithServicesAsync(services =>
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Academy.Xapi.Protocol.XapiCredentials>(services)
                .IssueAsync("Documents test " + string.Join(",", scopes), scopes, null, CancellationToken.None));
        return (credential.Key, secret);
    }
}
