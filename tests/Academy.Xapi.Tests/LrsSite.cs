using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Academy.Xapi.Tests;

/// The real site with a provisioned LRS credential that holds every scope (Academy:Xapi:DefaultCredential).
public sealed class LrsSite : AcademySite
{
    public const string Key = "test-key";
    public const string Secret = "test-secret-that-is-long-enough";

    public LrsSite() : this(kestrel: false) { }

    private LrsSite(bool kestrel, IDictionary<string, string?>? overrides = null, string? dataFolder = null)
        : base(dataFolder, Settings(overrides), setUp: true, kestrel: kestrel) { }

    /// dataFolder: a second site on another's data (another web node on the same database).
    public static LrsSite CreateLrs(bool kestrel = false, IDictionary<string, string?>? overrides = null, string? dataFolder = null) => new(kestrel, overrides, dataFolder);

    private static Dictionary<string, string?> Settings(IDictionary<string, string?>? overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Academy:Xapi:DefaultCredential:Key"] = Key,
            ["Academy:Xapi:DefaultCredential:Secret"] = Secret,
        };
        foreach (var (k, v) in overrides ?? new Dictionary<string, string?>()) settings[k] = v;
        return settings;
    }

    /// A client that speaks xAPI: the version header and the provisioned credential on every request.
    public HttpClient Lrs(string version = "1.0.3", string key = Key, string secret = Secret)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Experience-API-Version", version);
        client.DefaultRequestHeaders.Authorization = Basic(key, secret);
        return client;
    }

    public static AuthenticationHeaderValue Basic(string key, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{key}:{secret}")));
}

public static class Json
{
    public static StringContent Content(string json) => new(json, Encoding.UTF8, "application/json");
    public static StringContent Content(JsonNode json) => Content(json.ToJsonString());

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("null body");
}
