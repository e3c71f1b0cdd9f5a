using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Academy.Xapi.Tests;

/// Runs one of the tincanjs scripts in tincan/ with Node and returns the JSON line it prints last;
/// fails the test with its output when it exits with an error.
public static class TincanNode
{
    public static async Task<JsonNode> RunAsync(string script, params string[] arguments)
    {
        var folder = typeof(TincanNode).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TincanFolder").Value!;
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);

        var text = await output;
        Assert.True(node.ExitCode == 0, $"tincanjs failed: {text}\n{await errors}");
        return JsonNode.Parse(text.Trim().Split('\n').Last())!;
    }
}
