using System.Diagnostics;

namespace Academy.Testing;

/// Page load for the bench projects: concurrent clients each GET one address in a loop for a while, round-robin
/// over the given (signed-in) HttpClients. Prints one Markdown table row per page, as the README shows them.
public static class PageLoad
{
    public sealed record Result(string Url, int Requests, int Errors, double RequestsPerSecond, double P50, double P95)
    {
        public string Row => $"| `{Url}` | {Requests} | {RequestsPerSecond:0.0} | {P50:0} | {P95:0} | {Errors} |";
    }

    public const string Header = "| Page | Requests | Requests/s | p50 (ms) | p95 (ms) | Errors |\n|---|---:|---:|---:|---:|---:|";

    /// WebApplicationFactory finds the site's content root from a test assembly's attribute; a console app names it instead.
    public static void UseSiteContentRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Academy.sln"))) root = root.Parent;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ACADEMY_WEB", Path.Combine(root?.FullName ?? ".", "site", "Academy.Web"));
    }

    /// A client of its own (cookies, up to `connections` sockets) on a Kestrel site, signed in through the real sign-in page.
    /// Redirects are not followed, so a page that sends the client back to sign in counts as an error.
    public static async Task<HttpClient> SignInAsync(Uri address, string email, string password, int connections)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = address };
        var signedIn = await Forms.PostAsync(http, "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (signedIn.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)signedIn.StatusCode}");
        return http;
    }

    /// A warm-up (not counted), then the measured run. A non-success answer counts as an error.
    public static async Task<Result> MeasureAsync(IReadOnlyList<HttpClient> http, string url, int clients, TimeSpan duration, TimeSpan warmUp)
    {
        await RunAsync(http, url, clients, warmUp);
        var (latencies, errors, elapsed) = await RunAsync(http, url, clients, duration);
        latencies.Sort();
        double P(double q) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
        return new Result(url, latencies.Count, errors, latencies.Count / elapsed.TotalSeconds, P(0.50), P(0.95));
    }

    private static async Task<(List<double> Latencies, int Errors, TimeSpan Elapsed)> RunAsync(IReadOnlyList<HttpClient> http, string url, int clients, TimeSpan duration)
    {
        var latencies = new List<double>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            var client = http[i % http.Count];
            var mine = new List<double>();
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
            }
            lock (latencies) latencies.AddRange(mine);
        })));
        return (latencies, errors, clock.Elapsed);
    }
}
