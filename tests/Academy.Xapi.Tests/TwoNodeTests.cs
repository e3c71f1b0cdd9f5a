using System.Net;
using System.Text.Json.Nodes;

namespace Academy.Xapi.Tests;

/// Issue 12 §4: several web nodes share one database. Two sites (each with its own writer and
/// connection, as two nodes have) on one SQLite file: the order and the stored time come from the
/// database, so statements written through either node are all stored once, in one order whose stored
/// times never go back, and paged the same from either node; the same id written on both is one 409.
public sealed class TwoNodeTests : IAsyncLifetime
{
    private readonly LrsSite first = LrsSite.CreateLrs();
    private LrsSite? second;

    public async Task InitializeAsync()
    {
        // The first node sets the site up; the second starts on its data folder.
        Assert.Equal(HttpStatusCode.OK, (await first.Lrs().GetAsync("/xapi/statements?limit=1")).StatusCode);
        second = LrsSite.CreateLrs(dataFolder: first.DataFolder);
    }

    public async Task DisposeAsync()
    {
        if (second is not null) await second.DisposeAsync();
        await first.DisposeAsync();
    }

    [Fact]
    public async Task TwoNodes_SingleStatementsFrom16Clients_AreAllStoredOnce_InOneOrder_PagedAlikeFromEither()
    {
        var nodes = new[] { first.Lrs(), second!.Lrs() };
        var activity = Statements.NewActivity();

        var sent = await Task.WhenAll(Enumerable.Range(0, 16).Select(async client =>
        {
            var ids = new List<string>();
            for (var i = 0; i < 25; i++)
            {
                var response = await nodes[client % 2].PostAsync("/xapi/statements", Json.Content(Statements.Make(activity: activity)));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                ids.Add((await Json.ReadAsync(response))[0]!.GetValue<string>());
            }
            return ids;
        }));

        var expected = sent.SelectMany(ids => ids).Order().ToList();
        Assert.Equal(400, expected.Count);
        foreach (var node in nodes)
        {
            var paged = new List<(string Id, DateTimeOffset Stored)>();
            var url = $"/xapi/statements?activity={Uri.EscapeDataString(activity)}&ascending=true&limit=30";
            while (url.Length > 0)
            {
                var page = await Json.ReadAsync(await node.GetAsync(url));
                paged.AddRange(page["statements"]!.AsArray().Select(s => (s!["id"]!.GetValue<string>(), DateTimeOffset.Parse(s["stored"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))));
                url = page["more"]!.GetValue<string>();
            }
            Assert.Equal(expected, paged.Select(p => p.Id).Order().ToList());
            Assert.All(paged.Zip(paged.Skip(1)), pair => Assert.True(pair.First.Stored <= pair.Second.Stored, $"{pair.First.Id} stored {pair.First.Stored:O} before {pair.Second.Id} at {pair.Second.Stored:O}"));
        }
    }

    [Fact]
    public async Task TwoNodes_TheSameIdWithDifferentStatementsOnBoth_OneIsStoredAndTheOtherIs409()
    {
        var id = Guid.NewGuid().ToString();
        var nodes = new[] { first.Lrs(), second!.Lrs() };

        var responses = await Task.WhenAll(nodes.Select(node => node.PutAsync($"/xapi/statements?statementId={id}", Json.Content(Statements.Make()))));

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
    }
}
