using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Academy.Learning.Courses;
using Academy.Learning.Tests.Support;

namespace Academy.Learning.Tests.Player;

/// The lesson page through the real pipeline: who may open it, what it shows, and what the server
/// records when the learner has no JavaScript.
public sealed partial class LessonPageTests(PlayerSite site) : IClassFixture<PlayerSite>
{
    private static string Slug() => "course-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Get_WhenEnrolled_ShowsTheSanitisedPageWithTheOutlineAndNextLesson()
    {
        var course = await site.CourseAsync(Slug());
        var (client, _, _) = await site.LearnerAsync(course);

        var response = await client.GetAsync($"/learning/courses/{course.Slug}/lessons/reading");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Reading the lesson</h1>", html);
        Assert.Contains("<strong>common</strong>", html);
        Assert.DoesNotContain("alert('x')", html);
        Assert.Contains("aria-current=\"page\"><span class=\"nhsuk-contents-list__current\">Reading the lesson</span>", html);
        Assert.Contains($"href=\"/learning/courses/{course.Slug}/lessons/watching\" rel=\"next\"", html);
        Assert.DoesNotContain("rel=\"prev\"", html);
        Assert.True(response.Headers.CacheControl?.NoStore, "A page that holds a launch credential must not be cached.");
    }

    [Fact]
    public async Task Get_WhenNotEnrolled_IsForbidden()
    {
        var course = await site.CourseAsync(Slug());
        var client = await site.SignInAsNewUserAsync($"other-{Guid.NewGuid():N}@nhs.test", [Roles.Learner]);

        var response = await client.GetAsync($"/learning/courses/{course.Slug}/lessons/reading");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_WhenSignedOut_GoesToSignIn()
    {
        var course = await site.CourseAsync(Slug());

        var response = await site.CreateAnonymousClient().GetAsync($"/learning/courses/{course.Slug}/lessons/reading");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_ALessonOfAnotherCourseOrADraftCourse_IsNotFound()
    {
        var course = await site.CourseAsync(Slug());
        var other = await site.CourseAsync(Slug());
        var draft = await site.CourseAsync(Slug(), status: CourseStatus.Draft);
        var (client, userId, _) = await site.LearnerAsync(course);
        await site.EnrolAsync(userId, draft);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/learning/courses/{course.Slug}/lessons/no-such-lesson")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/learning/courses/{draft.Slug}/lessons/reading")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/learning/courses/no-such-course/lessons/reading")).StatusCode);
        // Another course's lesson of the same slug is that course's: this learner is not enrolled on it.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/learning/courses/{other.Slug}/lessons/reading")).StatusCode);
    }

    [Fact]
    public async Task PostContinue_WithoutJavaScript_StoresExperiencedForTheRegistrationAndGoesToTheNextLesson()
    {
        var course = await site.CourseAsync(Slug());
        var (client, userId, enrolment) = await site.LearnerAsync(course);
        var lesson = $"/learning/courses/{course.Slug}/lessons/reading";

        var response = await Forms.PostAsync(client, lesson + "?handler=Continue", new() { ["sentBy"] = "server" }, pageUrl: lesson);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/learning/courses/{course.Slug}/lessons/watching", response.Headers.Location!.ToString());
        var statements = await site.StatementsAsync(enrolment.Registration);
        Assert.Equal(["launched", "experienced"], PlayerSite.Verbs(statements));
        var experienced = statements[1];
        Assert.Equal($"{LearningActivities.DefaultBase}/courses/{course.Slug}/lessons/reading", experienced["object"]!["id"]!.GetValue<string>());
        Assert.Equal(LearningActivities.Types.Lesson, experienced["object"]!["definition"]!["type"]!.GetValue<string>());
        Assert.Equal(userId, experienced["actor"]!["account"]!["name"]!.GetValue<string>());
        Assert.Equal($"{LearningActivities.DefaultBase}/courses/{course.Slug}", experienced["context"]!["contextActivities"]!["grouping"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostContinue_AfterThePageSentTheStatement_StoresNothingMore()
    {
        var course = await site.CourseAsync(Slug());
        var (client, _, enrolment) = await site.LearnerAsync(course);
        var lesson = $"/learning/courses/{course.Slug}/lessons/reading";

        var response = await Forms.PostAsync(client, lesson + "?handler=Continue", new() { ["sentBy"] = "page" }, pageUrl: lesson);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["launched"], PlayerSite.Verbs(await site.StatementsAsync(enrolment.Registration)));
    }

    [Fact]
    public async Task GetVideo_ShowsTheVideoWithCaptionsAndTheTranscript()
    {
        var course = await site.CourseAsync(Slug(), videoFile: "video.webm");
        var (client, _, _) = await site.LearnerAsync(course);

        var html = await (await client.GetAsync($"/learning/courses/{course.Slug}/lessons/watching")).Content.ReadAsStringAsync();

        Assert.Contains("<video class=\"app-video__player\" controls", html);
        Assert.Contains($"<track kind=\"captions\" srclang=\"en\" label=\"English\" src=\"/learning/courses/{course.Slug}/lessons/watching/captions\" default>", html);
        Assert.Contains("<h2 id=\"transcript\">Transcript</h2>", html);
        Assert.Contains("spamreports@nhs.net", html);
    }

    [Fact]
    public async Task Get_TwoLessonsOfOneLaunch_ShareOneShortLivedCredential()
    {
        var course = await site.CourseAsync(Slug());
        var (client, _, enrolment) = await site.LearnerAsync(course);

        var first = Launch(await (await client.GetAsync($"/learning/courses/{course.Slug}/lessons/reading")).Content.ReadAsStringAsync());
        var second = Launch(await (await client.GetAsync($"/learning/courses/{course.Slug}/lessons/check")).Content.ReadAsStringAsync());

        Assert.Equal(first["auth"]!.GetValue<string>(), second["auth"]!.GetValue<string>());
        var expires = DateTimeOffset.Parse(first["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromHours(3.9), TimeSpan.FromHours(4.01));
        Assert.Equal(enrolment.Registration.ToString(), first["registration"]!.GetValue<string>());
        Assert.Single(PlayerSite.Verbs(await site.StatementsAsync(enrolment.Registration)), "launched");
    }

    [Fact]
    public async Task Resume_GoesToTheFirstLessonAtFirstThenToTheLessonLastRecorded()
    {
        var course = await site.CourseAsync(Slug());
        var (client, _, _) = await site.LearnerAsync(course);
        var before = await client.GetAsync($"/learning/courses/{course.Slug}/resume");
        var watching = $"/learning/courses/{course.Slug}/lessons/watching";

        await Forms.PostAsync(client, watching + "?handler=Continue", new() { ["sentBy"] = "server" }, pageUrl: watching);
        var after = await client.GetAsync($"/learning/courses/{course.Slug}/resume");
        var coursePage = await (await client.GetAsync($"/learning/courses/{course.Slug}")).Content.ReadAsStringAsync();

        Assert.Equal($"/learning/courses/{course.Slug}/lessons/reading", before.Headers.Location!.ToString());
        Assert.Equal(watching, after.Headers.Location!.ToString());
        Assert.Contains($"href=\"/learning/courses/{course.Slug}/resume\">Resume the course</a>", coursePage);
    }

    [Fact]
    public async Task Resume_WhenNotEnrolled_IsForbidden()
    {
        var course = await site.CourseAsync(Slug());
        var client = await site.SignInAsNewUserAsync($"resume-{Guid.NewGuid():N}@nhs.test", [Roles.Learner]);

        var response = await client.GetAsync($"/learning/courses/{course.Slug}/resume");

        Assert.Contains("/account/access-denied", response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    /// The launch data the page's script reads (#app-player data-app-launch).
    public static JsonObject Launch(string html)
    {
        var match = LaunchAttribute().Match(html);
        Assert.True(match.Success, "The page has no launch data.");
        return JsonNode.Parse(WebUtility.HtmlDecode(match.Groups[1].Value))!.AsObject();
    }

    [GeneratedRegex("id=\"app-player\" data-app-launch=\"([^\"]+)\"")]
    private static partial Regex LaunchAttribute();
}
