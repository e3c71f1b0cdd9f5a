using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Academy.Exemplars.Lessons;
using Academy.Exemplars.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Exemplars.Tests.Lessons;

/// Issue 14 §5: several web nodes on one database, each with its own lessons index in its own data folder. A lesson
/// published on one node is found by a search on another: that node's index catches up from the database by its
/// cursor. Shown with two hosts in this process and with a second site process (dotnet Academy.Web.dll) beside it.
public sealed class LessonIndexNodeTests : IAsyncLifetime
{
    private readonly AcademySite first = AcademySite.Create();

    public Task InitializeAsync() => first.CreateAnonymousClient().GetAsync("/health");

    public async Task DisposeAsync() => await first.DisposeAsync();

    private string DatabaseFile => Path.Combine(first.DataFolder, "academy.db");

    /// The settings of a second node: its own data folder (index, job store, mail), the first node's database.
    private Dictionary<string, string?> SecondNode(string dataFolder) => new()
    {
        ["Academy:DataFolder"] = dataFolder,
        ["ConnectionStrings:Academy"] = $"Data Source={DatabaseFile}",
        ["Academy:Jobs:RunServer"] = "false",
    };

    private async Task<(int Id, string Word)> PublishOnTheFirstNodeAsync()
    {
        var word = "zz" + Guid.NewGuid().ToString("N")[..10];
        var lead = await Arrange.LeadAsync(first, "RM3");
        var draft = await Forms.PostAsync(lead, "/exemplars/lessons/new", LessonTests.Fields("Ward go-live " + word, $"The {word} huddle kept the go-live calm."));
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var id = int.Parse(Regex.Match(draft.Headers.Location!.OriginalString, @"(\d+)$").Value);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(lead, $"/exemplars/lessons/{id}?handler=Publish", [], $"/exemplars/lessons/{id}")).StatusCode);
        return (id, word);
    }

    /// The ids the lessons API finds for the word, asked until they include the lesson (a node catches up at most once
    /// per LessonIndex.CatchUpInterval) or 15 seconds pass.
    private static async Task<List<int>> SearchUntilFoundAsync(HttpClient node, string word, int id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var response = await node.GetAsync($"/api/exemplars/lessons?q={word}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var ids = json.RootElement.GetProperty("lessons").EnumerateArray().Select(l => l.GetProperty("id").GetInt32()).ToList();
            if (ids.Contains(id) || DateTime.UtcNow > deadline) return ids;
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task TwoHosts_ALessonPublishedOnOne_IsFoundBySearchOnTheOther_ThroughItsOwnIndexCursor()
    {
        var folder = Path.Combine(Path.GetTempPath(), "academy-tests", Guid.NewGuid().ToString("N"));
        await using var second = AcademySite.Create(folder, SecondNode(folder), setUp: false, ownsFolder: true);
        var reader = await second.SignInAsNewUserAsync(Arrange.NewEmail("learner"), [Roles.Learner]);
        // The second node's index is open (and caught up) before the lesson exists.
        Assert.Empty(await SearchUntilFoundAsync(reader, "zznothing", -1));

        var (id, word) = await PublishOnTheFirstNodeAsync();

        Assert.Equal([id], await SearchUntilFoundAsync(reader, word, id));
        var index = second.Services.GetRequiredService<LessonIndex>();
        Assert.StartsWith(folder, index.Folder, StringComparison.Ordinal);
        Assert.NotEqual(first.Services.GetRequiredService<LessonIndex>().Folder, index.Folder);
        Assert.NotNull(index.Cursor);
    }

    [Fact]
    public async Task TwoSiteProcesses_ALessonPublishedOnOne_IsFoundBySearchOnTheOther()
    {
        var folder = Path.Combine(Path.GetTempPath(), "academy-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var second = await SiteProcess.StartAsync(SecondNode(folder));
        try
        {
            var email = Arrange.NewEmail("learner");
            await first.CreateUserAsync(email, [Roles.Learner]);
            var reader = await second.SignInAsync(email, "a-long-enough-password");
            Assert.Empty(await SearchUntilFoundAsync(reader, "zznothing", -1));

            var (id, word) = await PublishOnTheFirstNodeAsync();

            Assert.True((await SearchUntilFoundAsync(reader, word, id)).Contains(id), $"The second process did not find lesson {id}.\n{second.Output}");
            Assert.True(Directory.Exists(Path.Combine(folder, "lessons-index")), "The second process keeps its index in its own data folder.");
        }
        finally
        {
            await second.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// `dotnet Academy.Web.dll` from the site's build output, on a free loopback port, stopped with SIGTERM.
    private sealed class SiteProcess : IAsyncDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();
        private SiteProcess(Process process, Uri address) => (this.process, Address) = (process, address);

        public Uri Address { get; }
        public string Output { get { lock (output) return output.ToString(); } }

        public static async Task<SiteProcess> StartAsync(IDictionary<string, string?> settings)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet", [SiteDll()]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["Urls"] = $"http://127.0.0.1:{port}";
            start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
            foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            var site = new SiteProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
            site.process.OutputDataReceived += (_, e) => { lock (site.output) site.output.AppendLine(e.Data); };
            site.process.ErrorDataReceived += (_, e) => { lock (site.output) site.output.AppendLine(e.Data); };
            site.process.BeginOutputReadLine();
            site.process.BeginErrorReadLine();
            using var probe = new HttpClient { BaseAddress = site.Address, Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (true)
            {
                if (DateTime.UtcNow > deadline)
                {
                    site.process.Kill(entireProcessTree: true);
                    site.process.WaitForExit(5000);
                    throw new TimeoutException($"The site process did not answer in 90 seconds:\n{site.Output}");
                }
                if (site.process.HasExited) throw new InvalidOperationException($"The site process stopped ({site.process.ExitCode}):\n{site.Output}");
                try
                {
                    // Not /health: without a job server of its own (Academy:Jobs:RunServer false) it answers 503.
                    if ((await probe.GetAsync("/account/sign-in")).StatusCode == HttpStatusCode.OK) return site;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                await Task.Delay(250);
            }
        }

        public async Task<HttpClient> SignInAsync(string email, string password)
        {
            var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = Address };
            var response = await Forms.PostAsync(client, "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in on the second process: {(int)response.StatusCode}\n{Output}");
            return client;
        }

        private bool disposed;

        public async ValueTask DisposeAsync()
        {
            if (disposed) return;
            disposed = true;
            if (!process.HasExited)
            {
                // SIGTERM, as a service manager stops it (SIGINT is not the same for a backgrounded process).
                using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                try { await process.WaitForExitAsync(wait.Token); }
                catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
            }
            process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static string SiteDll()
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var (framework, configuration) = (output.Name, output.Parent!.Name);
            for (var dir = output; dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Academy.sln")))
                    return Path.Combine(dir.FullName, "site", "Academy.Web", "bin", configuration, framework, "Academy.Web.dll");
            throw new InvalidOperationException("Academy.sln not found above " + output.FullName);
        }
    }
}
