using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Academy.Xapi.Tests;

/// The site as an operating-system process of its own (`dotnet Academy.Web.dll`, as a deployment runs a
/// web node) on a 127.0.0.1 port, with the LRS credential provisioned and the site set up unattended
/// (issue 12 §4). Several on one data folder are several web nodes on one SQLite file. Stopped with
/// SIGTERM (then killed if it will not go) when disposed; the data folder is the caller's.
public sealed class SiteProcess : IAsyncDisposable
{
    private static readonly string SiteAssembly = typeof(SiteProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SiteAssembly").Value!;

    private readonly Process process;
    private readonly StringBuilder output = new();

    private SiteProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// What the process wrote (warnings and errors: the site logs at Warning), for a failure's message.
    public string Output { get { lock (output) return output.ToString(); } }

    public static async Task<SiteProcess> StartAsync(string dataFolder, IDictionary<string, string?>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [SiteAssembly])
        {
            WorkingDirectory = Path.GetDirectoryName(SiteAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Academy__DataFolder"] = dataFolder,
            ["Academy__Setup__SiteName"] = "Test Academy",
            ["Academy__Setup__AdminEmail"] = AcademySite.AdminEmail,
            ["Academy__Setup__AdminPassword"] = AcademySite.AdminPassword,
            ["Academy__Xapi__DefaultCredential__Key"] = LrsSite.Key,
            ["Academy__Xapi__DefaultCredential__Secret"] = LrsSite.Secret,
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var site = new SiteProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        site.process.OutputDataReceived += (_, e) => site.Append(e.Data);
        site.process.ErrorDataReceived += (_, e) => site.Append(e.Data);
        site.process.BeginOutputReadLine();
        site.process.BeginErrorReadLine();
        try
        {
            await site.WaitUntilServingAsync(TimeSpan.FromMinutes(2));
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }
        return site;
    }

    /// A client that speaks xAPI to this node with the provisioned credential.
    public HttpClient Lrs(string version = "1.0.3")
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add("X-Experience-API-Version", version);
        client.DefaultRequestHeaders.Authorization = LrsSite.Basic(LrsSite.Key, LrsSite.Secret);
        return client;
    }

    // Serving means the LRS answers an authenticated query: migrations, setup and the credential are done.
    private async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        using var client = Lrs();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited) throw new InvalidOperationException($"The site exited with {process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/xapi/statements?limit=1")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The site did not serve the LRS within {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // SIGTERM: the site stops as a service manager would stop it (SIGINT is not a stop for a background process).
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try { await process.WaitForExitAsync(grace.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); await process.WaitForExitAsync(); }
        }
        process.Dispose();
    }
}
