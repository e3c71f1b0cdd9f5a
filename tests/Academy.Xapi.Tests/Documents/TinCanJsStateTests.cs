using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using static Academy.Xapi.Tests.Documents.Documents;

namespace Academy.Xapi.Tests.Documents;

/// The LRS on a real socket (127.0.0.1), for clients outside the test process.
public sealed class KestrelLrs : IDisposable
{
    public LrsSite Site { get; } = LrsSite.CreateLrs(kestrel: true);

    public void Dispose() => Site.Dispose();
}

/// Communication 2.3 with a real client: tincanjs 0.50.0 (Node build, which speaks 1.0.2) saves,
/// merges, replaces with If-Match, lists and deletes a state document (Documents/TinCan/state.js).
/// tincanjs is the one the test build installs for TincanClientTests (tincan/, TincanFolder).
public sealed class TinCanJsStateTests(KestrelLrs lrs) : IClassFixture<KestrelLrs>
{
    private static string ScriptFolder([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "TinCan");

    private static string TincanFolder() =>
        typeof(TinCanJsStateTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TincanFolder").Value!;

    [Fact]
    public async Task State_TinCanJs_SavesMergesReplacesAndDropsAStateDocument()
    {
        var activity = Statements.NewActivity();
        var mbox = Statements.NewMbox();
        var endpoint = new Uri(lrs.Site.ServerAddress, "/xapi/").ToString();

        var output = await RunNodeAsync("state.js", endpoint, LrsSite.Key, LrsSite.Secret, activity, mbox);

        var result = JsonNode.Parse(output)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"page\":7,\"chapter\":\"one\"}"), result["saved"]!["contents"]), output);
        Assert.Equal($"\"{Sha1("{\"page\":7,\"chapter\":\"one\"}")}\"", result["saved"]!["etag"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"page\":8,\"chapter\":\"one\"}"), result["merged"]!["contents"]), output);
        Assert.Equal("plain text", result["replaced"]!["contents"]!.GetValue<string>());
        Assert.StartsWith("text/plain", result["replaced"]!["contentType"]!.GetValue<string>());
        Assert.Equal(["bookmark"], result["ids"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Null(result["dropped"]);

        // What tincanjs stored is what any other client reads.
        var client = lrs.Site.Lrs();
        client.BaseAddress = lrs.Site.ServerAddress;
        var check = await client.GetAsync(Url(State, ("activityId", activity), ("agent", Agent(mbox)), ("registration", "8f87ccde-bb56-4c2e-ab83-44982ef22df0")));
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Empty((await Json.ReadAsync(check)).AsArray());
    }

    private static async Task<string> RunNodeAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = ScriptFolder(), RedirectStandardOutput = true, RedirectStandardError = true };
        // The script lives beside this test; require('tincanjs') resolves in the shared install.
        start.Environment["NODE_PATH"] = Path.Combine(TincanFolder(), "node_modules");
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);
        Assert.True(node.ExitCode == 0, $"node {script} failed ({node.ExitCode}):\n{await stderr}\n{await stdout}");
        return await stdout;
    }
}
