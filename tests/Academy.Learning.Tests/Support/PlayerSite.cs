using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Learning.Tests.Support;

/// The real site with a provisioned LRS credential (to read what the player stored) and helpers that
/// arrange courses and enrolments straight in Learning's tables, for tests that are about the player.
public sealed class PlayerSite : AcademySite
{
    public const string LrsKey = "player-tests-key";
    public const string LrsSecret = "player-tests-secret-long-enough";
    public const string Password = "a-long-enough-password";

    public PlayerSite() : this(kestrel: false) { }

    private PlayerSite(bool kestrel) : base(null, new Dictionary<string, string?>
    {
        ["Academy:Xapi:DefaultCredential:Key"] = LrsKey,
        ["Academy:Xapi:DefaultCredential:Secret"] = LrsSecret,
        ["Academy:Learning:Progress:PollSeconds"] = "0.2",
    }, setUp: true, kestrel: kestrel) => this.kestrel = kestrel;

    private readonly bool kestrel;

    public static PlayerSite OnKestrel() => new(kestrel: true);

    public Task<T> DbAsync<T>(Func<LearningDbContext, Task<T>> action) =>
        WithServicesAsync(sp => action(sp.GetRequiredService<LearningDbContext>()));

    /// A published course: a Markdown page, a video, a page, then a two-question quiz (one single, one
    /// multiple choice; option 2 right in the first, options 1 and 3 in the second; pass mark 100).
    public Task<Course> CourseAsync(string slug, int? maxAttempts = null, bool shuffle = false, CourseStatus status = CourseStatus.Published, string? videoFile = null) => DbAsync(async db =>
    {
        var course = new Course
        {
            Slug = slug, Title = $"Course {slug}", Summary = "A course for the player's tests.", Description = "Tests.",
            Domain = CapabilityDomain.TechnicalProficiency, EstimatedMinutes = 10, ValidityMonths = 12,
            CompletionRule = "View every lesson and pass the quiz.", Status = status, PublishedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            Sections =
            [
                new Section
                {
                    Position = 1, Title = "Reading",
                    Lessons =
                    [
                        new Lesson { Position = 1, Slug = "reading", Title = "Reading the lesson", Kind = LessonKind.Page, Minutes = 2,
                            Markdown = "## Why it matters\n\nPhishing is **common**.\n\n<script>alert('x')</script>\n\n" + string.Join("\n\n", Enumerable.Range(1, 60).Select(i => $"Paragraph {i} about phishing.")) },
                        new Lesson { Position = 2, Slug = "watching", Title = "Watching the video", Kind = LessonKind.Video, Minutes = 1,
                            VideoFile = videoFile, VideoContentType = "video/webm", CaptionsFile = videoFile is null ? null : "captions.vtt",
                            TranscriptMarkdown = "Narrator: forward suspicious emails to spamreports@nhs.net." },
                    ],
                },
                new Section
                {
                    Position = 2, Title = "Checking",
                    Lessons =
                    [
                        new Lesson
                        {
                            Position = 1, Slug = "check", Title = "Check your understanding", Kind = LessonKind.Quiz, Minutes = 3,
                            PassMark = 100, MaxAttempts = maxAttempts, Shuffle = shuffle,
                            Questions =
                            [
                                new Question { Position = 1, Text = "Where do you report phishing?", Multiple = false, Options =
                                [
                                    new Option { Position = 1, Text = "Reply to the sender", Correct = false, Feedback = "FEEDBACK-1-1 No: the sender may be a criminal." },
                                    new Option { Position = 2, Text = "spamreports@nhs.net", Correct = true, Feedback = "FEEDBACK-1-2 Yes: the NHSmail team blocks it." },
                                    new Option { Position = 3, Text = "Nowhere", Correct = false, Feedback = "FEEDBACK-1-3 No: report it." },
                                ] },
                                new Question { Position = 2, Text = "Which are signs of phishing?", Multiple = true, Options =
                                [
                                    new Option { Position = 1, Text = "It rushes you", Correct = true, Feedback = "FEEDBACK-2-1 Yes." },
                                    new Option { Position = 2, Text = "A meeting you arranged", Correct = false, Feedback = "FEEDBACK-2-2 No." },
                                    new Option { Position = 3, Text = "It asks for your passcode", Correct = true, Feedback = "FEEDBACK-2-3 Yes." },
                                ] },
                            ],
                        },
                    ],
                },
            ],
        };
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        return course;
    });

    public Task<Enrolment> EnrolAsync(string userId, Course course) => DbAsync(async db =>
    {
        var enrolment = new Enrolment { CourseId = course.Id, UserId = userId, Registration = Guid.NewGuid(), EnrolledAt = DateTimeOffset.UtcNow, Source = EnrolmentSource.Self };
        db.Enrolments.Add(enrolment);
        await db.SaveChangesAsync();
        return enrolment;
    });

    /// A new learner enrolled on the course, signed in.
    public async Task<(HttpClient Client, string UserId, Enrolment Enrolment)> LearnerAsync(Course course)
    {
        var email = $"learner-{Guid.NewGuid():N}@nhs.test";
        var userId = await CreateUserAsync(email, [Roles.Learner]);
        var enrolment = await EnrolAsync(userId, course);
        return (await SignInAsync(email, Password), userId, enrolment);
    }

    public HttpClient Lrs(AuthenticationHeaderValue? authorization = null)
    {
        var client = CreateAnonymousClient();
        // On Kestrel (browser tests) the client calls the real server's address.
        if (kestrel) client.BaseAddress = ServerAddress;
        client.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        client.DefaultRequestHeaders.Authorization = authorization ?? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{LrsKey}:{LrsSecret}")));
        return client;
    }

    /// Every statement the LRS holds for the registration, oldest first (GET /xapi/statements with the provisioned credential).
    public async Task<IReadOnlyList<JsonObject>> StatementsAsync(Guid registration)
    {
        using var lrs = Lrs();
        var all = new List<JsonObject>();
        var url = $"/xapi/statements?registration={registration}&ascending=true&limit=500";
        while (!string.IsNullOrEmpty(url))
        {
            var response = await lrs.GetAsync(url);
            response.EnsureSuccessStatusCode();
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            all.AddRange(body["statements"]!.AsArray().Select(s => s!.AsObject()));
            url = body["more"]?.GetValue<string>() ?? "";
        }
        return all;
    }

    /// The statements' verbs, by the last part of their IRI ("experienced", "answered", ...).
    public static string[] Verbs(IEnumerable<JsonObject> statements) =>
        statements.Select(s => s["verb"]!["id"]!.GetValue<string>().Split('/')[^1]).ToArray();
}
