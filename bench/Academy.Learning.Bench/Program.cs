using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Academy.Learning;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Academy.Learning.Progress;
using Academy.Testing;
using Academy.Xapi.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Progress projection lag: a burst of statements posted over HTTP to the real site (Kestrel on loopback, SQLite),
// spread over many learners' enrolments, while the site's own ProgressFollower applies them. Samples every 100 ms
// how long the oldest statement not yet applied has waited since the LRS stored it (the lag), and reports the peak
// during the burst and the lag of the last statement (its commit to the projection having applied it).
//   dotnet run -c Release --project bench/Academy.Learning.Bench -- --statements 100000 --learners 2000
// The `pages` mode instead loads the learner pages (see PagesBench):
//   dotnet run -c Release --project bench/Academy.Learning.Bench -- pages --learners 10000 --clients 50 --seconds 10
// The `dashboard` mode loads the CCIO dashboard and the trust summary (see DashboardBench):
//   dotnet run -c Release --project bench/Academy.Learning.Bench -- dashboard --learners 5000 --courses 10 --statements 2000000 --measure-at 200000,1000000 --clients 50 --seconds 10
var pages = args.FirstOrDefault() == "pages";
var dashboard = args.FirstOrDefault() == "dashboard";
var statements = Arg("--statements", 100_000);
var learners = Arg("--learners", pages ? 10_000 : dashboard ? 5_000 : 2_000);
var clients = Arg("--clients", pages || dashboard ? 50 : 4);
var batch = Arg("--batch", 100);

PageLoad.UseSiteContentRoot();

const string key = "bench-key", secret = "bench-secret-bench-secret-bench-secret";
await using var site = AcademySite.Create(overrides: new Dictionary<string, string?>
{
    ["Academy:Xapi:DefaultCredential:Key"] = key,
    ["Academy:Xapi:DefaultCredential:Secret"] = secret,
    ["Academy:Xapi:RequestsPerSecond"] = "10000000",
    ["Academy:Xapi:Burst"] = "10000000",
    ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Error",
    // The dashboard's statements are inserted with progress rows that agree with them: nothing for the follower to do.
    ["Academy:Learning:Progress:Follow"] = dashboard ? "false" : "true",
}, kestrel: true);
var address = site.ServerAddress;
if (dashboard)
{
    var measureAt = (ArgText("--measure-at") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray();
    await DashboardBench.RunAsync(site, learners, Arg("--courses", 10), Arg("--statements", 2_000_000), measureAt, clients, Arg("--seconds", 10));
    return;
}
if (pages)
{
    await PagesBench.RunAsync(site, learners, clients, Arg("--seconds", 10));
    return;
}
Console.WriteLine($"Progress projection lag: {statements:N0} statements over {learners:N0} enrolments, {clients} clients posting batches of {batch}, {Environment.ProcessorCount} cores");
var activities = site.Services.GetRequiredService<LearningActivities>();

// One course of four pages and a quiz, and one enrolment per learner.
var lessons = new[] { "one", "two", "three", "four" };
Course course;
List<Enrolment> enrolments;
await using (var scope = site.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
    var section = new Section { Position = 1, Title = "Section" };
    section.Lessons.AddRange(lessons.Select((slug, i) => new Lesson { Position = i + 1, Slug = slug, Title = slug, Kind = LessonKind.Page, Minutes = 5 }));
    section.Lessons.Add(new Lesson { Position = 5, Slug = "check", Title = "Check", Kind = LessonKind.Quiz, Minutes = 5, PassMark = 80 });
    course = new Course { Slug = "bench-course", Title = "Bench course", Summary = "s", Domain = CapabilityDomain.TechnicalProficiency, EstimatedMinutes = 25, ValidityMonths = 12,
        CompletionRule = "r", Status = CourseStatus.Published, PublishedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, Sections = [section] };
    db.Courses.Add(course);
    enrolments = Enumerable.Range(0, learners).Select(_ => new Enrolment
    {
        Course = course, UserId = Guid.NewGuid().ToString(), Registration = Guid.NewGuid(), EnrolledAt = DateTimeOffset.UtcNow, Source = EnrolmentSource.Self,
    }).ToList();
    db.Enrolments.AddRange(enrolments);
    await db.SaveChangesAsync();
}

var random = new Random(42);
var courseId = activities.Course(course.Slug);
JsonObject Statement()
{
    var e = enrolments[random.Next(enrolments.Count)];
    var roll = random.Next(100);
    var (verb, lesson, result) = roll switch
    {
        < 45 => (LearningActivities.Verbs.Experienced, lessons[random.Next(lessons.Length)], null),
        < 75 => (LearningActivities.Verbs.Progressed, lessons[random.Next(lessons.Length)], new JsonObject { ["extensions"] = new JsonObject { ["https://w3id.org/xapi/cmi5/result/extensions/progress"] = random.Next(101) } }),
        < 92 => (LearningActivities.Verbs.Answered, "check", new JsonObject { ["success"] = random.Next(2) == 0 }),
        _ => random.Next(2) == 0
            ? (LearningActivities.Verbs.Passed, "check", new JsonObject { ["success"] = true, ["score"] = new JsonObject { ["scaled"] = 0.9 } })
            : (LearningActivities.Verbs.Failed, "check", new JsonObject { ["success"] = false, ["score"] = new JsonObject { ["scaled"] = 0.4 } }),
    };
    var statement = new JsonObject
    {
        ["actor"] = XapiAgent.Learner(e.UserId).ToJson(),
        ["verb"] = new JsonObject { ["id"] = verb },
        ["object"] = new JsonObject { ["id"] = activities.Lesson(course.Slug, lesson) },
        ["context"] = new JsonObject { ["registration"] = e.Registration.ToString(), ["contextActivities"] = new JsonObject { ["grouping"] = new JsonArray(new JsonObject { ["id"] = courseId }) } },
    };
    if (result is not null) statement["result"] = result;
    return statement;
}

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64 };
HttpClient Client()
{
    var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
    client.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{key}:{secret}")));
    return client;
}

// Bodies are made before the clock starts, so the burst is as fast as the LRS takes it.
var bodies = Enumerable.Range(0, statements / batch).Select(_ => new JsonArray(Enumerable.Range(0, batch).Select(_ => (JsonNode)Statement()).ToArray()).ToJsonString()).ToList();

// The lag now: how long the oldest statement not yet applied has been stored (0 when the projection is up to date).
async Task<(TimeSpan Lag, long Position, long Latest)> SampleAsync()
{
    await using var scope = site.Services.CreateAsyncScope();
    var cursor = await scope.ServiceProvider.GetRequiredService<ProgressProjection>().CursorAsync(default);
    var feed = scope.ServiceProvider.GetRequiredService<IStatementFeed>();
    var latest = await feed.LatestPositionAsync();
    var waiting = await feed.ReadAsync(cursor.Position, 1);
    return (waiting.Count == 0 ? TimeSpan.Zero : DateTimeOffset.UtcNow - waiting[0].Stored, cursor.Position, latest);
}

var start = (await SampleAsync()).Latest;
var peak = TimeSpan.Zero;
var sampling = true;
var samples = new List<(double At, double Lag, long Behind)>();
var clock = Stopwatch.StartNew();
var sampler = Task.Run(async () =>
{
    while (Volatile.Read(ref sampling))
    {
        var (lag, position, latest) = await SampleAsync();
        if (lag > peak) peak = lag;
        samples.Add((clock.Elapsed.TotalSeconds, lag.TotalSeconds, latest - position));
        await Task.Delay(100);
    }
});

var next = -1;
await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
{
    var client = Client();
    while (Interlocked.Increment(ref next) < bodies.Count)
    {
        var response = await client.PostAsync("/xapi/statements", new StringContent(bodies[next], Encoding.UTF8, "application/json"));
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}));
var burst = clock.Elapsed;
var peakDuringBurst = peak;

// The last statement's commit (its stored time) to the projection having applied it.
DateTimeOffset lastStored;
long last;
await using (var scope = site.Services.CreateAsyncScope())
{
    var feed = scope.ServiceProvider.GetRequiredService<IStatementFeed>();
    last = await feed.LatestPositionAsync();
    lastStored = (await feed.ReadAsync(last - 1, 1))[0].Stored;
}
while ((await SampleAsync()).Position < last) await Task.Delay(20);
var caughtUp = DateTimeOffset.UtcNow;
var applied = clock.Elapsed;
Volatile.Write(ref sampling, false);
await sampler;

int withProgress, complete;
await using (var scope = site.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
    withProgress = await db.EnrolmentProgress.CountAsync();
    complete = await db.EnrolmentProgress.CountAsync(p => p.Status == ProgressStatus.Passed || p.Status == ProgressStatus.Completed);
}
var rebuildClock = Stopwatch.StartNew();
await using (var scope = site.Services.CreateAsyncScope())
    await scope.ServiceProvider.GetRequiredService<ProgressProjection>().RebuildAsync(default);
var rebuild = rebuildClock.Elapsed;

var posted = last - start;
Console.WriteLine();
Console.WriteLine("| Measure | Value |");
Console.WriteLine("|---|---:|");
Console.WriteLine($"| statements posted over HTTP | {posted:N0} |");
Console.WriteLine($"| burst (first POST to last answer) | {burst.TotalSeconds:N1} s ({posted / burst.TotalSeconds:N0} statements/s) |");
Console.WriteLine($"| peak lag during the burst | {peakDuringBurst.TotalSeconds:N1} s |");
Console.WriteLine($"| peak lag overall | {peak.TotalSeconds:N1} s |");
Console.WriteLine($"| last statement: commit to applied | {(caughtUp - lastStored).TotalSeconds:N1} s |");
Console.WriteLine($"| projection throughput (burst start to caught up) | {posted / applied.TotalSeconds:N0} statements/s |");
Console.WriteLine($"| enrolments with progress / complete | {withProgress:N0} / {complete:N0} |");
Console.WriteLine($"| rebuild of {learners:N0} enrolments afterwards | {rebuild.TotalSeconds:N1} s |");
Console.WriteLine();
Console.WriteLine("Samples (s since burst start: lag s, statements behind), one a second:");
foreach (var s in samples.Where((_, i) => i % 10 == 0)) Console.WriteLine($"  {s.At,6:N1}: {s.Lag,6:N1} s, {s.Behind,7:N0} behind");

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}

string? ArgText(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
