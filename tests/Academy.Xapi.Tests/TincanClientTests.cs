using System.Text.Json.Nodes;

namespace Academy.Xapi.Tests;

/// A real xAPI client, tincanjs 0.50.0 in Node (X-Experience-API-Version 1.0.2), sends and reads
/// statements through the HTTP API of the site on Kestrel.
public sealed class TincanClientTests : IAsyncLifetime
{
    private readonly LrsSite site = LrsSite.CreateLrs(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task Tincanjs_SavesRetrievesAndQueriesStatements()
    {
        var endpoint = new Uri(site.ServerAddress, "/xapi/").ToString();
        var mbox = Statements.NewMbox();
        var activity = Statements.NewActivity();

        var seen = await TincanNode.RunAsync("client.js", endpoint, LrsSite.Key, LrsSite.Secret, mbox, activity);
        var savedId = seen["savedId"]!.GetValue<string>();
        Assert.Equal(savedId, seen["retrievedId"]!.GetValue<string>());
        Assert.Equal("http://adlnet.gov/expapi/verbs/experienced", seen["retrievedVerb"]!.GetValue<string>());
        var pages = seen["firstPage"]!.AsArray().Concat(seen["secondPage"]!.AsArray()).Select(i => i!.GetValue<string>()).ToList();
        Assert.Equal(2, seen["firstPage"]!.AsArray().Count);
        Assert.Equal(3, pages.Distinct().Count());
        Assert.Contains(savedId, pages);

        // What tincanjs stored is what the LRS serves to any client, with the credential as authority.
        var client = new HttpClient { BaseAddress = site.ServerAddress };
        client.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        client.DefaultRequestHeaders.Authorization = LrsSite.Basic(LrsSite.Key, LrsSite.Secret);
        var stored = await Json.ReadAsync(await client.GetAsync($"/xapi/statements?statementId={savedId}"));
        Assert.Equal(mbox, stored["actor"]!["mbox"]!.GetValue<string>());
        Assert.Equal(LrsSite.Key, stored["authority"]!["account"]!["name"]!.GetValue<string>());
    }
}
