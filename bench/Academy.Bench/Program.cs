using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Academy.Data;
using Academy.Testing;
using Academy.Xapi.Data;
using Academy.Xapi.Statements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// LRS benchmark: ingest through the real HTTP API (Kestrel, loopback, HTTP Basic, version header,
// validation, the one writer, SQLite WAL synchronous=FULL) beside plain inserts of the same rows into
// the same database; then query latency on a store the generator fills directly in the database.
//   dotnet run -c Release --project bench/Academy.Bench -- --store 1000000
var options = BenchOptions.Parse(args);
var invariant = CultureInfo.InvariantCulture;
Console.WriteLine($"Academy LRS benchmark: store {options.Store:N0} statements, {options.Clients} concurrent clients, {options.Queries} queries per kind, {Environment.ProcessorCount} cores");

// WebApplicationFactory finds the site's content root through test-assembly metadata a console app lacks.
var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "Academy.sln"))) root = root.Parent;
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ACADEMY_WEB", Path.Combine(root?.FullName ?? ".", "site", "Academy.Web"));

const string key = "bench-key", secret = "bench-secret-bench-secret-bench-secret";
await using var site = AcademySite.Create(overrides: new Dictionary<string, string?>
{
    ["Academy:Xapi:DefaultCredential:Key"] = key,
    ["Academy:Xapi:DefaultCredential:Secret"] = secret,
    ["Academy:Xapi:RequestsPerSecond"] = "10000000",
    ["Academy:Xapi:Burst"] = "10000000",
    ["Academy:Xapi:FailedAuthenticationsPerMinute"] = "10000000",
    ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Error",
}, kestrel: true);
var address = site.ServerAddress;
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256 };
HttpClient Client()
{
    var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
    client.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{key}:{secret}")));
    return client;
}
var contexts = site.Services.GetRequiredService<ModuleDbContextFactory<XapiDbContext>>();
var generator = new Generator(seed: 42);
var results = new List<string>();

// 1. Ingest over HTTP.
async Task<double> IngestAsync(int total, int batch, int clients)
{
    var requests = total / batch;
    var next = -1;
    var sw = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
    {
        var client = Client();
        while (Interlocked.Increment(ref next) < requests)
        {
            var body = batch == 1 ? generator.Statement().ToJsonString() : new JsonArray(Enumerable.Range(0, batch).Select(_ => (JsonNode)generator.Statement()).ToArray()).ToJsonString();
            var response = await client.PostAsync("/xapi/statements", new StringContent(body, Encoding.UTF8, "application/json"));
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }));
    return requests * batch / sw.Elapsed.TotalSeconds;
}

// 2. The same rows inserted directly (no HTTP, no validation, no writer), same transaction size.
async Task<double> PlainInsertAsync(int total, int perTransaction)
{
    var rows = Enumerable.Range(0, total).Select(_ => generator.Prepared()).ToList();
    var sw = Stopwatch.StartNew();
    await using var db = contexts.Create();
    await Inserter.InsertAsync(db, rows, perTransaction);
    return total / sw.Elapsed.TotalSeconds;
}

// The site's progress follower reads every row the LRS holds, the plain insert's too: before each measured phase, let it
// take in what came before, so that a phase's CPU is its own statements' (with 3,000 singles, the 2,000 plain rows of the
// phase before were most of the difference from a 20,000-statement run).
async Task FollowerCaughtUpAsync()
{
    for (var i = 0; i < 600; i++)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var latest = await scope.ServiceProvider.GetRequiredService<Academy.Xapi.Contracts.IStatementFeed>().LatestPositionAsync();
        var cursor = await scope.ServiceProvider.GetRequiredService<Academy.Learning.Progress.ProgressProjection>().CursorAsync(default);
        if (cursor.Position >= latest) return;
        await Task.Delay(100);
    }
    throw new TimeoutException("The progress follower did not catch up within 60 s.");
}

// Warm-up: enough single POSTs from as many clients as the measured phases for the JIT's second tier to replace the
// first (with 200, a 3,000-statement phase spent a third of its CPU more per statement than a 20,000 one).
if (options.Singles + options.Batched > 0) await IngestAsync(3000, 1, options.Clients);
var xapiOptions = site.Services.GetRequiredService<Academy.Xapi.Protocol.XapiOptions>();
var configuredWait = xapiOptions.GroupCommitWaitMilliseconds;
// Each single-statement run twice in the same run: the writer committing whatever has queued at once
// (wait 0), and with the group-commit wait as configured (issue 12 §3).
var ingest = new (string Name, int Total, int Batch, int Clients, int PlainPerTx, double Wait)[]
{
    ("single statement per POST, no group-commit wait", options.Singles, 1, options.Clients, 1, 0),
    ($"single statement per POST, group-commit wait {configuredWait} ms", options.Singles, 1, options.Clients, 1, configuredWait),
    ("batches of 100", options.Batched, 100, 4, 100, configuredWait),
    ("batches of 1,000", options.Batched, 1000, 2, 1000, configuredWait),
};
results.Add("| Ingest | Statements | LRS over HTTP (statements/s) | Plain insert, same rows and transaction size (statements/s) | Ratio |");
results.Add("|---|---:|---:|---:|---:|");
var breakdown = new List<string>
{
    "| Writer, per commit (means; Academy.Xapi meter) | Commits | Requests | Statements | Gather ms | Lock ms | Inserts ms | Commit (fsync) ms | Process CPU ms per statement |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
};
// --singles 0 or --batched 0 leaves those phases out (a query-only run on a filled store, issue 12 §3).
foreach (var (name, total, batch, clients, perTx, wait) in ingest.Where(p => p.Total >= p.Batch))
{
    xapiOptions.GroupCommitWaitMilliseconds = wait;
    await FollowerCaughtUpAsync();
    using var commits = new CommitRecorder();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var lrs = await IngestAsync(total, batch, clients);
    var cpuPerStatement = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / total;
    breakdown.Add($"| {name} ({clients} clients) | {commits.Summary()} | {cpuPerStatement:N2} |");
    var plain = await PlainInsertAsync(Math.Min(total, batch == 1 ? 2000 : total), perTx);
    var line = $"| {name} ({clients} clients) | {total:N0} | {lrs:N0} | {plain:N0} | {lrs / plain:P0} |";
    results.Add(line);
    Console.WriteLine(line);
}
xapiOptions.GroupCommitWaitMilliseconds = configuredWait;
// The one writer commits many single POSTs together; a plain insert of one row per transaction cannot.
if (options.Singles >= 1000)
{
    var plainGrouped = await PlainInsertAsync(Math.Min(options.Singles, 20000), 1000);
    results.Add($"| (plain insert of single statements in transactions of 1,000, for scale) | | | {plainGrouped:N0} | |");
}
results.Add("");
results.AddRange(breakdown);
Console.WriteLine(string.Join(Environment.NewLine, breakdown));

// 3. Fill the store directly.
long existing;
await using (var db = contexts.Create()) existing = await db.Statements.LongCountAsync();
var toGenerate = Math.Max(0, options.Store - existing);
var fill = Stopwatch.StartNew();
await using (var db = contexts.Create())
    await Filler.FillAsync(db, generator, toGenerate, done => Console.WriteLine($"  generated {done:N0} / {toGenerate:N0} ({fill.Elapsed.TotalSeconds:N0} s)"));
long storeSize;
await using (var db = contexts.Create()) storeSize = await db.Statements.LongCountAsync();
Console.WriteLine($"Store: {storeSize:N0} statements (generated {toGenerate:N0} in {fill.Elapsed.TotalSeconds:N0} s)");
var dbFile = Directory.GetFiles(site.DataFolder, "academy.db*").Sum(f => new FileInfo(f).Length);

if (options.Queries == 0)
{
    // --queries 0: ingest (or filling) only, e.g. under a profiler.
    Console.WriteLine();
    Console.WriteLine(string.Join(Environment.NewLine, results));
    return;
}

// 4. Query latency over HTTP, one client, limit=100.
var queryClient = Client();
var random = new Random(7);
(long Low, long High) storedRange;
await using (var db = contexts.Create()) storedRange = (await db.Statements.MinAsync(s => s.StoredTicks), await db.Statements.MaxAsync(s => s.StoredTicks));
string Time(long ticks) => new DateTimeOffset(ticks, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", invariant);
string Agent(int i) => Uri.EscapeDataString($"{{\"mbox\":\"{Generator.Mbox(i)}\"}}");
var queries = new (string Name, Func<string> Url)[]
{
    ("agent", () => $"agent={Agent(random.Next(Generator.Agents))}"),
    ("activity", () => $"activity={Uri.EscapeDataString(Generator.Activity(random.Next(Generator.Activities)))}"),
    ("agent + activity", () => { var (a, b) = generator.PairSeen(random); return $"agent={Agent(a)}&activity={Uri.EscapeDataString(Generator.Activity(b))}"; }),
    ("verb", () => $"verb={Uri.EscapeDataString(Generator.Verb(random.Next(Generator.Verbs.Length)))}"),
    ("registration", () => $"registration={Generator.Registration(random.Next(Generator.Registrations))}"),
    ("since + until (1 minute window)", () => { var t = storedRange.Low + (long)(random.NextDouble() * (storedRange.High - storedRange.Low)); return $"since={Uri.EscapeDataString(Time(t))}&until={Uri.EscapeDataString(Time(t + TimeSpan.TicksPerMinute))}"; }),
    ("related_agents (instructor)", () => $"agent={Agent(Generator.Agents + random.Next(Generator.Instructors))}&related_agents=true"),
    ("related_activities (course)", () => $"activity={Uri.EscapeDataString(Generator.Course(random.Next(Generator.Courses)))}&related_activities=true"),
    ("agent, page 2 via more", () => $"agent={Agent(random.Next(Generator.Agents))}&limit=10"),
};
results.Add("");
results.Add($"| Query (limit=100, store of {storeSize:N0}) | p50 ms | p95 ms | mean statements returned |");
results.Add("|---|---:|---:|---:|");
foreach (var (name, url) in queries)
{
    var times = new List<double>();
    long returned = 0;
    for (var i = 0; i < options.Queries; i++)
    {
        var path = "/xapi/statements?" + url() + (name.Contains("more") ? "" : "&limit=100");
        var sw = Stopwatch.StartNew();
        var response = await queryClient.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{name}: {(int)response.StatusCode} {body}");
        var json = JsonNode.Parse(body)!;
        if (name.Contains("more") && json["more"]!.GetValue<string>() is { Length: > 0 } more)
        {
            sw.Restart();
            response = await queryClient.GetAsync(more);
            body = await response.Content.ReadAsStringAsync();
            json = JsonNode.Parse(body)!;
        }
        times.Add(sw.Elapsed.TotalMilliseconds);
        returned += json["statements"]!.AsArray().Count;
    }
    times.Sort();
    var line = $"| {name} | {Percentile(times, 0.50):N1} | {Percentile(times, 0.95):N1} | {returned / (double)options.Queries:N0} |";
    results.Add(line);
    Console.WriteLine(line);
}

// 5. What a wrong secret costs (issue 8 §4): the configured key, an issued key, a launch key and an unknown key should
// cost the same, so that timing reveals no key and guessing burns no PBKDF2.
var issued = await site.WithServicesAsync(async services =>
    await services.GetRequiredService<Academy.Xapi.Protocol.XapiCredentials>().IssueAsync("bench", ["all"], null, CancellationToken.None));
var launched = await site.WithServicesAsync(async services => await services.GetRequiredService<Academy.Xapi.Contracts.ILaunchCredentials>()
    .IssueAsync(new Academy.Xapi.Contracts.LaunchScope(Academy.Xapi.Contracts.XapiAgent.Learner("bench"), Guid.NewGuid(), "https://academy.example/auth")));
results.Add("");
results.Add("| Authentication (sequential, 300 requests each) | mean ms per request | CPU ms per request | answered |");
results.Add("|---|---:|---:|---|");
foreach (var (name, user, password) in new[]
{
    ("right secret, configured key", key, secret),
    ("wrong secret, configured key", key, "wrong-secret-wrong-secret"),
    ("wrong secret, issued key", issued.Credential.Key, "wrong-secret-wrong-secret"),
    ("wrong secret, launch key", launched.Key, "wrong-secret-wrong-secret"),
    ("unknown key", "no-such-key", "wrong-secret-wrong-secret"),
})
{
    using var authClient = new HttpClient(handler, disposeHandler: false) { BaseAddress = address };
    authClient.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
    authClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    const int attempts = 300;
    await authClient.GetAsync("/xapi/activities?activityId=https%3A%2F%2Facademy.example%2Fauth");
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    var statuses = new SortedSet<int>();
    for (var i = 0; i < attempts; i++)
    {
        using var response = await authClient.GetAsync("/xapi/activities?activityId=https%3A%2F%2Facademy.example%2Fauth");
        statuses.Add((int)response.StatusCode);
    }
    var line = $"| {name} | {sw.Elapsed.TotalMilliseconds / attempts:N2} | {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / attempts:N2} | {string.Join(", ", statuses)} |";
    results.Add(line);
    Console.WriteLine(line);
}

// 6. The contract's statement feed (Academy.Xapi.Contracts.IStatementFeed), as the learning module's
// progress projection reads it: the whole store in pages of 1,000 from position 0, then one
// registration's statements from scratch (what a rebuild of one learner's course reads).
{
    await using var scope = site.Services.CreateAsyncScope();
    var feed = scope.ServiceProvider.GetRequiredService<Academy.Xapi.Contracts.IStatementFeed>();
    var sw = Stopwatch.StartNew();
    long read = 0, after = 0;
    while (true)
    {
        var page = await feed.ReadAsync(after, 1000);
        if (page.Count == 0) break;
        read += page.Count;
        after = page[^1].Position;
    }
    var feedRate = read / sw.Elapsed.TotalSeconds;
    var times = new List<double>();
    long returned = 0;
    for (var i = 0; i < options.Queries; i++)
    {
        var registration = Guid.Parse(Generator.Registration(random.Next(Generator.Registrations)));
        sw.Restart();
        returned += (await feed.ForRegistrationAsync(registration)).Count;
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    results.Add("");
    results.Add($"| Statement feed (IStatementFeed, in process, store of {storeSize:N0}) | Figure |");
    results.Add("|---|---:|");
    results.Add($"| ReadAsync from 0 to the end, pages of 1,000 (statements/s, parsed) | {feedRate:N0} |");
    results.Add($"| ForRegistrationAsync p50 / p95 ms (mean {returned / (double)options.Queries:N0} statements) | {Percentile(times, 0.50):N2} / {Percentile(times, 0.95):N2} |");
    Console.WriteLine(string.Join(Environment.NewLine, results.TakeLast(4)));
}

var process = Process.GetCurrentProcess();
results.Add("");
results.Add($"Peak working set of the process (site and benchmark together): {process.PeakWorkingSet64 / 1024 / 1024:N0} MiB; database files {dbFile / 1024 / 1024:N0} MiB.");
Console.WriteLine();
Console.WriteLine(string.Join(Environment.NewLine, results));

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

internal sealed record BenchOptions(long Store, int Clients, int Singles, int Batched, int Queries)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new BenchOptions(
            long.Parse(Get("--store") ?? "1000000", CultureInfo.InvariantCulture),
            int.Parse(Get("--clients") ?? "64", CultureInfo.InvariantCulture),
            int.Parse(Get("--singles") ?? "5000", CultureInfo.InvariantCulture),
            int.Parse(Get("--batched") ?? "20000", CultureInfo.InvariantCulture),
            int.Parse(Get("--queries") ?? "200", CultureInfo.InvariantCulture));
    }
}

/// Statements shaped like Academy's: learners doing lessons (activities) of courses, with registrations,
/// an instructor and the course as parent context activity.
internal sealed class Generator(int seed)
{
    public const int Agents = 20_000, Activities = 5_000, Courses = 100, Registrations = 100_000, Instructors = 200;
    public static readonly string[] Verbs = ["http://adlnet.gov/expapi/verbs/experienced", "http://adlnet.gov/expapi/verbs/attempted", "http://adlnet.gov/expapi/verbs/completed", "http://adlnet.gov/expapi/verbs/passed", "http://adlnet.gov/expapi/verbs/failed", "http://adlnet.gov/expapi/verbs/answered", "http://adlnet.gov/expapi/verbs/launched", "http://adlnet.gov/expapi/verbs/initialized", "http://adlnet.gov/expapi/verbs/terminated", "http://adlnet.gov/expapi/verbs/progressed"];
    private readonly Random random = new(seed);
    private readonly object gate = new();
    private readonly List<(int, int)> seen = [];

    public static string Mbox(int i) => $"mailto:learner{i}@nhs.example";
    public static string Activity(int i) => $"https://academy.example/activities/lesson-{i}";
    public static string Course(int i) => $"https://academy.example/courses/course-{i}";
    public static string Verb(int i) => Verbs[i];
    public static string Registration(int i) => new Guid(i, 0x1234, 0x4567, 0x89, 0xab, 0xcd, 0xef, 0x01, 0x23, 0x45, 0x67).ToString();

    public JsonObject Statement()
    {
        int agent, activity, verb, registration, instructor;
        lock (gate)
        {
            agent = random.Next(Agents);
            activity = random.Next(Activities);
            verb = random.Next(Verbs.Length);
            registration = random.Next(Registrations);
            instructor = random.Next(Instructors);
            if (seen.Count < 10_000) seen.Add((agent, activity));
        }
        return new JsonObject
        {
            ["actor"] = new JsonObject { ["objectType"] = "Agent", ["name"] = $"Learner {agent}", ["mbox"] = Mbox(agent) },
            ["verb"] = new JsonObject { ["id"] = Verbs[verb], ["display"] = new JsonObject { ["en-GB"] = Verbs[verb][(Verbs[verb].LastIndexOf('/') + 1)..] } },
            ["object"] = new JsonObject
            {
                ["objectType"] = "Activity",
                ["id"] = Activity(activity),
                ["definition"] = new JsonObject { ["name"] = new JsonObject { ["en-GB"] = $"Lesson {activity}" }, ["type"] = "http://adlnet.gov/expapi/activities/lesson" },
            },
            ["result"] = verb is 3 or 4 ? new JsonObject { ["score"] = new JsonObject { ["scaled"] = 0.8, ["raw"] = 8, ["min"] = 0, ["max"] = 10 }, ["success"] = verb == 3, ["duration"] = "PT12M30S" } : null,
            ["context"] = new JsonObject
            {
                ["registration"] = Registration(registration),
                ["instructor"] = new JsonObject { ["mbox"] = Mbox(Agents + instructor) },
                ["platform"] = "Academy",
                ["contextActivities"] = new JsonObject { ["parent"] = new JsonArray(new JsonObject { ["id"] = Course(activity % Courses) }) },
            },
        }.With(s => { if (s["result"] is null) s.Remove("result"); });
    }

    public (int, int) PairSeen(Random r) { lock (gate) return seen.Count == 0 ? (r.Next(Agents), r.Next(Activities)) : seen[r.Next(seen.Count)]; }

    /// A statement as the writer would store it: id, stored, timestamp, authority, version, keys.
    public (Guid Id, string Json, List<(StatementKeyKind Kind, byte[] Hash)> Keys) Prepared()
    {
        var json = Statement();
        var id = Guid.NewGuid();
        json["id"] = id.ToString();
        json["version"] = "1.0.0";
        json["authority"] = new JsonObject { ["objectType"] = "Agent", ["account"] = new JsonObject { ["homePage"] = "https://academy.example", ["name"] = "bench-key" } };
        return (id, json.ToJsonString(), StatementShape.Keys(json));
    }
}

/// Listens to the writer's meter (Statements/WriterMetrics.cs) while an ingest runs: what each commit
/// carried and where its time went.
internal sealed class CommitRecorder : IDisposable
{
    private readonly System.Diagnostics.Metrics.MeterListener listener = new();
    private readonly Dictionary<string, (double Sum, long Count)> totals = [];

    public CommitRecorder()
    {
        listener.InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == "Academy.Xapi") l.EnableMeasurementEvents(instrument); };
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => Add(instrument.Name, value));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Add(instrument.Name, value));
        listener.Start();
    }

    private void Add(string name, double value)
    {
        lock (totals) totals[name] = totals.TryGetValue(name, out var t) ? (t.Sum + value, t.Count + 1) : (value, 1);
    }

    public string Summary()
    {
        lock (totals)
        {
            var commits = totals.TryGetValue("academy.xapi.commit.requests", out var r) ? r.Count : 0;
            string Mean(string name, bool perCommit = true) => totals.TryGetValue("academy.xapi.commit." + name, out var t) && commits > 0
                ? (t.Sum / (perCommit ? commits : t.Count)).ToString("N2", CultureInfo.InvariantCulture) : "0";
            return $"{commits:N0} | {Mean("requests")} | {Mean("statements")} | {Mean("gather")} | {Mean("lock")} | {Mean("write")} | {Mean("sync")}";
        }
    }

    public void Dispose() => listener.Dispose();
}

internal static class JsonExtensions
{
    public static JsonObject With(this JsonObject o, Action<JsonObject> change) { change(o); return o; }
}

/// Fills the store for the query phase (issue 12 §3: 5,000,000 statements had taken hours). The rows are
/// those the writer writes (the statement with id, version and authority, stored in sequence order, and its
/// key rows), but they are test data, never acknowledged to anyone, so the filler alone gives up
/// durability: its own unpooled connection with synchronous=OFF, commands prepared once, transactions of
/// 50,000 statements, and the next statements generated on another thread while one transaction writes.
/// Stored times advance 1 ms a statement from far enough back that the newest is about now, so a window
/// of a minute holds the same 60,000 statements at every store size.
internal static class Filler
{
    private const int PerTransaction = 50_000;

    public static async Task FillAsync(XapiDbContext db, Generator generator, long count, Action<long> progress)
    {
        if (count <= 0) return;
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        await using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA busy_timeout=30000; PRAGMA cache_size=-262144";
            await pragmas.ExecuteNonQueryAsync();
        }
        long sequence, lastStored;
        await using (var last = connection.CreateCommand())
        {
            last.CommandText = "SELECT COALESCE(MAX(Sequence), 0), COALESCE(MAX(StoredTicks), 0) FROM XapiStatements";
            await using var reader = await last.ExecuteReaderAsync();
            await reader.ReadAsync();
            (sequence, lastStored) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        var storedTicks = Math.Max(lastStored + TimeSpan.TicksPerMillisecond, DateTimeOffset.UtcNow.UtcTicks - count * TimeSpan.TicksPerMillisecond);

        var insert = Command(connection, "INSERT INTO XapiStatements (Sequence, Id, StoredTicks, CredentialId, IsVoiding, Voided, Version, Json) VALUES (@s, @id, @stored, 1, 0, 0, '1.0.0', @json)", "@s", "@id", "@stored", "@json");
        var key = Command(connection, "INSERT INTO XapiStatementKeys (Kind, Hash, Sequence) VALUES (@k, @h, @s)", "@k", "@h", "@s");
        List<(Guid Id, string Json, List<(StatementKeyKind Kind, byte[] Hash)> Keys)> Generate(int n) =>
            Enumerable.Range(0, n).AsParallel().AsOrdered().Select(_ => generator.Prepared()).ToList();
        long done = 0;
        var next = Task.Run(() => Generate((int)Math.Min(PerTransaction, count)));
        while (done < count)
        {
            var rows = await next;
            var after = done + rows.Count;
            if (after < count) next = Task.Run(() => Generate((int)Math.Min(PerTransaction, count - after)));
            await using var transaction = await connection.BeginTransactionAsync();
            insert.Transaction = key.Transaction = (Microsoft.Data.Sqlite.SqliteTransaction)transaction;
            foreach (var (id, json, keys) in rows)
            {
                sequence++;
                insert.Parameters[0].Value = sequence;
                insert.Parameters[1].Value = id.ToString();
                insert.Parameters[2].Value = storedTicks;
                insert.Parameters[3].Value = json;
                insert.ExecuteNonQuery();
                foreach (var (kind, hash) in keys)
                {
                    key.Parameters[0].Value = (byte)kind;
                    key.Parameters[1].Value = hash;
                    key.Parameters[2].Value = sequence;
                    key.ExecuteNonQuery();
                }
                storedTicks += TimeSpan.TicksPerMillisecond;
            }
            await transaction.CommitAsync();
            done = after;
            if (done % 500_000 < PerTransaction || done == count) progress(done);
        }
        await insert.DisposeAsync();
        await key.DisposeAsync();
    }

    private static Microsoft.Data.Sqlite.SqliteCommand Command(Microsoft.Data.Sqlite.SqliteConnection connection, string text, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        foreach (var name in names) command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter { ParameterName = name });
        return command;
    }
}

/// Plain inserts of statement and key rows with reused, parameterised commands.
internal static class Inserter
{
    private static long lastStoredMs;

    public static async Task InsertAsync(XapiDbContext db, List<(Guid Id, string Json, List<(StatementKeyKind Kind, byte[] Hash)> Keys)> rows, int perTransaction)
    {
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536"); // as the LRS's writer does
        var connection = db.Database.GetDbConnection();
        for (var offset = 0; offset < rows.Count; offset += perTransaction)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            long sequence;
            await using (var max = connection.CreateCommand())
            {
                max.Transaction = transaction;
                max.CommandText = "SELECT COALESCE(MAX(Sequence), 0) FROM XapiStatements";
                sequence = (long)(await max.ExecuteScalarAsync())!;
            }
            await using var statement = Command(connection, transaction, "INSERT INTO XapiStatements (Sequence, Id, StoredTicks, CredentialId, IsVoiding, Voided, Version, Json) VALUES (@s, @id, @stored, 1, 0, 0, '1.0.0', @json)", "@s", "@id", "@stored", "@json");
            await using var key = Command(connection, transaction, "INSERT INTO XapiStatementKeys (Kind, Hash, Sequence) VALUES (@k, @h, @s)", "@k", "@h", "@s");
            var storedMs = lastStoredMs = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), lastStoredMs);
            var storedTicks = DateTimeOffset.FromUnixTimeMilliseconds(storedMs).UtcTicks;
            foreach (var (id, json, keys) in rows.Skip(offset).Take(perTransaction))
            {
                sequence++;
                statement.Parameters[0].Value = sequence;
                statement.Parameters[1].Value = id.ToString();
                statement.Parameters[2].Value = storedTicks;
                statement.Parameters[3].Value = json;
                await statement.ExecuteNonQueryAsync();
                foreach (var (kind, hash) in keys)
                {
                    key.Parameters[0].Value = (byte)kind;
                    key.Parameters[1].Value = hash;
                    key.Parameters[2].Value = sequence;
                    await key.ExecuteNonQueryAsync();
                }
            }
            await transaction.CommitAsync();
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string text, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        foreach (var name in names)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            command.Parameters.Add(p);
        }
        command.Prepare();
        return command;
    }
}
