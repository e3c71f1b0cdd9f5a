using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Academy.Learning.Certificates;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Academy.Learning.Progress;
using Academy.Xapi.Contracts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Learning.Tests.Support;

/// The real site with a provisioned LRS credential holding every scope (an outside activity provider or an
/// administrator's tool), courses and enrolments arranged directly, and a record of what the progress
/// projection tells completion listeners.
public class LearningSite : AcademySite
{
    public const string Key = "learning-test-key";
    public const string Secret = "learning-test-secret-long-enough";
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(3);

    public LearningSite() : this(kestrel: false) { }

    protected LearningSite(bool kestrel, IDictionary<string, string?>? settings = null) : base(null, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
    {
        ["Academy:Xapi:DefaultCredential:Key"] = Key,
        ["Academy:Xapi:DefaultCredential:Secret"] = Secret,
        ["Academy:Learning:Progress:PollSeconds"] = "0.2",
        // Short, so a test can see a terminated cmi5 session's statements refused once it has passed.
        ["Academy:Xapi:Cmi5TerminatedGracePeriod"] = GracePeriod.ToString(),
    }, setUp: true, kestrel: kestrel) => this.kestrel = kestrel;

    private readonly bool kestrel;

    public CompletionRecord Completions { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<ICourseCompletionListener>(_ => new RecordingListener(Completions)));
    }

    public LearningActivities Activities => Services.GetRequiredService<LearningActivities>();

    /// An xAPI client with the provisioned credential, or with a launch credential when given one.
    public HttpClient Lrs(LaunchCredential? launch = null)
    {
        var client = CreateAnonymousClient();
        // On Kestrel (browser tests) the client must call the real server's address.
        if (kestrel) client.BaseAddress = ServerAddress;
        client.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(launch is null ? $"{Key}:{Secret}" : $"{launch.Key}:{launch.Secret}")));
        return client;
    }

    public Task<T> DbAsync<T>(Func<LearningDbContext, Task<T>> action) =>
        WithServicesAsync(s => action(s.GetRequiredService<LearningDbContext>()));

    /// A published course: each lesson given as "page:slug", "video:slug" or "quiz:slug" (quiz: pass mark 80, attempts unlimited unless maxAttempts).
    public Task<Course> CourseAsync(string title, int validityMonths, params string[] lessons) => CourseAsync(title, validityMonths, null, lessons);

    public Task<Course> CourseAsync(string title, int validityMonths, int? maxAttempts, params string[] lessons) => DbAsync(async db =>
    {
        var slug = "course-" + Guid.NewGuid().ToString("N")[..10];
        var section = new Section { Position = 1, Title = "Section one" };
        var course = new Course
        {
            Slug = slug, Title = title, Summary = "s", Domain = CapabilityDomain.TechnicalProficiency, EstimatedMinutes = 10,
            ValidityMonths = validityMonths, CompletionRule = "r", Status = CourseStatus.Published, PublishedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            Sections = [section],
        };
        var position = 1;
        foreach (var lesson in lessons)
        {
            var (kind, lessonSlug) = (Enum.Parse<LessonKind>(lesson.Split(':')[0], ignoreCase: true), lesson.Split(':')[1]);
            section.Lessons.Add(new Lesson
            {
                Position = position++, Slug = lessonSlug, Title = "Lesson " + lessonSlug, Kind = kind, Minutes = 5,
                PassMark = kind == LessonKind.Quiz ? 80 : null, MaxAttempts = kind == LessonKind.Quiz ? maxAttempts : null,
            });
        }
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        return course;
    });

    public Task<Enrolment> EnrolAsync(string userId, Course course, DateOnly? dueOn = null) => DbAsync(async db =>
    {
        var enrolment = new Enrolment { CourseId = course.Id, UserId = userId, Registration = Guid.NewGuid(), EnrolledAt = DateTimeOffset.UtcNow, DueOn = dueOn, Source = EnrolmentSource.Self };
        db.Enrolments.Add(enrolment);
        await db.SaveChangesAsync();
        return enrolment;
    });

    /// Posts statements over HTTP and returns their ids.
    public async Task<List<Guid>> PostAsync(params JsonObject[] statements) => await PostAsync(Lrs(), statements);

    public static async Task<List<Guid>> PostAsync(HttpClient lrs, params JsonObject[] statements)
    {
        var response = await lrs.PostAsync("/xapi/statements", new StringContent(new JsonArray([.. statements]).ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /xapi/statements answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsArray().Select(id => Guid.Parse(id!.GetValue<string>())).ToList();
    }

    /// Waits until the live projection has applied everything the LRS holds (up to 30 s).
    public async Task WaitForProjectionAsync()
    {
        for (var i = 0; i < 300; i++)
        {
            var (position, latest) = await WithServicesAsync(async s => (
                (await s.GetRequiredService<ProgressProjection>().CursorAsync(default)).Position,
                await s.GetRequiredService<IStatementFeed>().LatestPositionAsync()));
            if (position >= latest) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("The progress projection did not catch up with the LRS within 30 s.");
    }

    public Task<EnrolmentProgress?> ProgressAsync(Enrolment enrolment) =>
        DbAsync(db => db.EnrolmentProgress.AsNoTracking().SingleOrDefaultAsync(p => p.EnrolmentId == enrolment.Id));

    public Task<Dictionary<string, LessonProgress>> LessonsAsync(Enrolment enrolment) =>
        DbAsync(db => db.LessonProgress.AsNoTracking().Where(l => l.EnrolmentId == enrolment.Id).ToDictionaryAsync(l => l.LessonSlug));
}

/// What the projection told completion listeners, in order.
public sealed class CompletionRecord
{
    private readonly List<(string Call, int EnrolmentId, Guid StatementId)> calls = [];

    public void Add(string call, int enrolmentId, Guid statementId) { lock (calls) calls.Add((call, enrolmentId, statementId)); }

    public IReadOnlyList<(string Call, Guid StatementId)> For(int enrolmentId)
    {
        lock (calls) return calls.Where(c => c.EnrolmentId == enrolmentId).Select(c => (c.Call, c.StatementId)).ToList();
    }
}

internal sealed class RecordingListener(CompletionRecord record) : ICourseCompletionListener
{
    public Task CompletedAsync(int enrolmentId, Guid completionStatementId, DateTimeOffset completedAt, CancellationToken cancellationToken = default)
    {
        record.Add("Completed", enrolmentId, completionStatementId);
        return Task.CompletedTask;
    }

    public Task CompletionWithdrawnAsync(int enrolmentId, Guid completionStatementId, CancellationToken cancellationToken = default)
    {
        record.Add("Withdrawn", enrolmentId, completionStatementId);
        return Task.CompletedTask;
    }
}
