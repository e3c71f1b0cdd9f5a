using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;

namespace Academy.Xapi.Tests;

/// Issue 3 §8: concurrent writers on SQLite get no error and lose or duplicate nothing.
public sealed class ReliabilityTests(LrsSite site) : IClassFixture<LrsSite>
{
    [Fact]
    public async Task Statements_64ConcurrentWriters_AllStoredOnceWithNoErrors()
    {
        const int writers = 64, perWriter = 5;
        var activity = Statements.NewActivity();
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var ids = new ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
        {
            var client = site.Lrs();
            for (var i = 0; i < perWriter; i++)
            {
                // Half PUT with an id, half POST a pair: both paths share the writer.
                if (i % 2 == 0)
                {
                    var id = Guid.NewGuid().ToString();
                    var response = await client.PutAsync($"/xapi/statements?statementId={id}", Json.Content(Statements.Make(activity: activity)));
                    statuses.Add(response.StatusCode);
                    if (response.StatusCode == HttpStatusCode.NoContent) ids.Add(id);
                }
                else
                {
                    var response = await client.PostAsync("/xapi/statements", Json.Content(new JsonArray(Statements.Make(activity: activity), Statements.Make(activity: activity))));
                    statuses.Add(response.StatusCode);
                    if (response.IsSuccessStatusCode)
                        foreach (var id in (await Json.ReadAsync(response)).AsArray()) ids.Add(id!.GetValue<string>());
                }
            }
        }));

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.NoContent, s.ToString()));
        var stored = new List<string>();
        var url = $"/xapi/statements?activity={Uri.EscapeDataString(activity)}&limit=100";
        var reader = site.Lrs();
        while (url.Length > 0)
        {
            var page = await Json.ReadAsync(await reader.GetAsync(url));
            stored.AddRange(page["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
            url = page["more"]!.GetValue<string>();
        }
        Assert.Equal(ids.Count, stored.Count);
        Assert.Equal(ids.Order(), stored.Order());
        Assert.Equal(stored.Count, stored.Distinct().Count());
    }

    [Fact]
    public async Task Statements_SameStatementPutConcurrently_StoredOnce()
    {
        var id = Guid.NewGuid().ToString();
        var statement = Statements.Make();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => site.Lrs().PutAsync($"/xapi/statements?statementId={id}", Json.Content(statement))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        var count = await site.WithServicesAsync(services =>
        {
            var db = (Academy.Xapi.Data.XapiDbContext)services.GetService(typeof(Academy.Xapi.Data.XapiDbContext))!;
            return Task.FromResult(db.Statements.Count(s => s.Id == id));
        });
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Statements_AcknowledgedStatement_SurvivesARestart()
    {
        var id = Guid.NewGuid().ToString();
        var folder = Path.Combine(Path.GetTempPath(), "academy-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = AcademySiteOn(folder))
                Assert.Equal(HttpStatusCode.NoContent, (await Client(first).PutAsync($"/xapi/statements?statementId={id}", Json.Content(Statements.Make()))).StatusCode);

            await using var second = AcademySiteOn(folder);
            Assert.Equal(HttpStatusCode.OK, (await Client(second).GetAsync($"/xapi/statements?statementId={id}")).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static HttpClient Client(AcademySite site)
    {
        var client = site.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        client.DefaultRequestHeaders.Authorization = LrsSite.Basic(LrsSite.Key, LrsSite.Secret);
        return client;
    }

    private static AcademySite AcademySiteOn(string folder) => AcademySite.Create(folder, new Dictionary<string, string?>
    {
        ["Academy:Xapi:DefaultCredential:Key"] = LrsSite.Key,
        ["Academy:Xapi:DefaultCredential:Secret"] = LrsSite.Secret,
    });
}
