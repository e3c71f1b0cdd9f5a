using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Academy.Xapi.Tests;

/// Two web nodes as two site processes (`dotnet Academy.Web.dll` twice, each on its own port) on one
/// data folder, so one SQLite file: issue 12 §4 checked from outside, as a deployment runs it. The
/// first process sets the site up; the second starts once it serves.
public sealed class TwoSiteProcesses : IAsyncLifetime
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "academy-tests", Guid.NewGuid().ToString("N"));
    public SiteProcess First { get; private set; } = null!;
    public SiteProcess Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataFolder);
        First = await SiteProcess.StartAsync(DataFolder);
        Second = await SiteProcess.StartAsync(DataFolder);
    }

    public async Task DisposeAsync()
    {
        if (Second is not null) await Second.DisposeAsync();
        if (First is not null) await First.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
    }
}

public sealed class TwoProcessTests(TwoSiteProcesses nodes, ITestOutputHelper output) : IClassFixture<TwoSiteProcesses>
{
    private const int Clients = 16;
    private const int StatementsPerClient = 24;

    [Fact]
    public async Task TwoProcesses_SingleStatementsFrom16Clients_AreAllAcknowledged_PagedExactlyOnceFromEither_StoredNeverGoingBack()
    {
        var clients = new[] { nodes.First.Lrs(), nodes.Second.Lrs() };
        var activity = Statements.NewActivity();

        var (sent, elapsed) = await PostAsync(clients, activity);

        var expected = sent.Order().ToList();
        Assert.Equal(Clients * StatementsPerClient, expected.Distinct().Count());
        foreach (var (client, node) in clients.Select((c, i) => (c, i + 1)))
        {
            var paged = await PageAsync(client, activity);
            Assert.Equal(expected, paged.Select(p => p.Id).Order().ToList());
            Assert.All(paged.Zip(paged.Skip(1)), pair => Assert.True(pair.First.Stored <= pair.Second.Stored,
                $"Node {node}: {pair.First.Id} stored {pair.First.Stored:O} before {pair.Second.Id} at {pair.Second.Stored:O}"));
        }
        output.WriteLine($"Two processes, {Clients} clients split across both: {expected.Count} single statements in {elapsed.TotalSeconds:N2} s, "
            + $"{expected.Count / elapsed.TotalSeconds:N0} statements/s in all, {expected.Count / elapsed.TotalSeconds / 2:N0} per node");
    }

    [Fact]
    public async Task TwoProcesses_SingleStatementsFrom16Clients_OnOneNodeAlone_ForTheSameRunsThroughput()
    {
        // The figure the two-node one is compared with (README, "Several web nodes"): the same load on one process.
        var activity = Statements.NewActivity();

        var (sent, elapsed) = await PostAsync([nodes.First.Lrs()], activity);

        Assert.Equal(sent.Order().ToList(), (await PageAsync(nodes.Second.Lrs(), activity)).Select(p => p.Id).Order().ToList());
        output.WriteLine($"One process, {Clients} clients: {sent.Count} single statements in {elapsed.TotalSeconds:N2} s, {sent.Count / elapsed.TotalSeconds:N0} statements/s");
    }

    [Fact]
    public async Task TwoProcesses_TheSameIdWithDifferentStatementsOnBoth_OneIs204AndTheOther409()
    {
        var clients = new[] { nodes.First.Lrs(), nodes.Second.Lrs() };
        for (var round = 0; round < 10; round++)
        {
            var id = Guid.NewGuid().ToString();

            var responses = await Task.WhenAll(clients.Select(client => client.PutAsync($"/xapi/statements?statementId={id}", Json.Content(Statements.Make()))));

            Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        }
    }

    private static async Task<(List<string> Ids, TimeSpan Elapsed)> PostAsync(HttpClient[] clients, string activity)
    {
        var clock = Stopwatch.StartNew();
        var sent = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async c =>
        {
            var ids = new List<string>();
            for (var i = 0; i < StatementsPerClient; i++)
            {
                var response = await clients[c % clients.Length].PostAsync("/xapi/statements", Json.Content(Statements.Make(activity: activity)));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                ids.Add((await Json.ReadAsync(response))[0]!.GetValue<string>());
            }
            return ids;
        }));
        return (sent.SelectMany(ids => ids).ToList(), clock.Elapsed);
    }

    private static async Task<List<(string Id, DateTimeOffset Stored)>> PageAsync(HttpClient client, string activity)
    {
        var paged = new List<(string Id, DateTimeOffset Stored)>();
        var url = $"/xapi/statements?activity={Uri.EscapeDataString(activity)}&ascending=true&limit=50";
        while (url.Length > 0)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Json.ReadAsync(response);
            paged.AddRange(page["statements"]!.AsArray().Select(s => (s!["id"]!.GetValue<string>(), DateTimeOffset.Parse(s["stored"]!.GetValue<string>(), CultureInfo.InvariantCulture))));
            url = page["more"]!.GetValue<string>();
        }
        return paged;
    }
}
