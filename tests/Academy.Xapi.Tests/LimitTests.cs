using System.Net;

namespace Academy.Xapi.Tests;

/// Issue 3 §6: limits on request rate per credential (429) and the provisioned credential.
public sealed class LimitTests
{
    [Fact]
    public async Task Security_RequestsBeyondTheRateLimit_Return429WithRetryAfter()
    {
        await using var site = LrsSite.CreateLrs(overrides: new Dictionary<string, string?>
        {
            ["Academy:Xapi:RequestsPerSecond"] = "1",
            ["Academy:Xapi:Burst"] = "3",
        });
        var client = site.Lrs();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 6; i++)
        {
            last = await client.GetAsync("/xapi/statements");
            statuses.Add(last.StatusCode);
            if (last.StatusCode == HttpStatusCode.TooManyRequests) break;
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(last.Headers.Contains("Retry-After"));
        Assert.Contains("slow down", await last.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Security_DefaultCredential_IsLeftAloneWhenItExists()
    {
        var folder = Path.Combine(Path.GetTempPath(), "academy-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = AcademySite.Create(folder, Settings("first-secret-long-enough")))
                Assert.Equal(HttpStatusCode.OK, (await Client(first, "first-secret-long-enough").GetAsync("/xapi/statements")).StatusCode);

            await using var second = AcademySite.Create(folder, Settings("second-secret-long-enough"));
            Assert.Equal(HttpStatusCode.OK, (await Client(second, "first-secret-long-enough").GetAsync("/xapi/statements")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await Client(second, "second-secret-long-enough").GetAsync("/xapi/statements")).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Dictionary<string, string?> Settings(string secret) => new()
    {
        ["Academy:Xapi:DefaultCredential:Key"] = "provisioned",
        ["Academy:Xapi:DefaultCredential:Secret"] = secret,
    };

    private static HttpClient Client(AcademySite site, string secret)
    {
        var client = site.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        client.DefaultRequestHeaders.Authorization = LrsSite.Basic("provisioned", secret);
        return client;
    }
}
