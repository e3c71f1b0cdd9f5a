using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Academy.Learning.Tests.Support;

namespace Academy.Learning.Tests.Player;

/// The credential a lesson page holds works only for its learner and registration, and not after sign-out.
public sealed class LaunchCredentialTests(PlayerSite site) : IClassFixture<PlayerSite>
{
    private static string Slug() => "launch-" + Guid.NewGuid().ToString("N")[..8];

    private static JsonObject Statement(JsonNode actor, string registration, string course) => new()
    {
        ["actor"] = actor.DeepClone(),
        ["verb"] = new JsonObject { ["id"] = LearningActivities.Verbs.Experienced },
        ["object"] = new JsonObject { ["id"] = course + "/lessons/reading" },
        ["context"] = new JsonObject { ["registration"] = registration, ["contextActivities"] = new JsonObject { ["grouping"] = new JsonArray(new JsonObject { ["id"] = course }) } },
    };

    private async Task<(HttpClient Page, JsonObject Launch, Guid Registration)> LaunchedAsync(Academy.Learning.Courses.Course course)
    {
        var (client, _, enrolment) = await site.LearnerAsync(course);
        var html = await (await client.GetAsync($"/learning/courses/{course.Slug}/lessons/reading")).Content.ReadAsStringAsync();
        return (client, LessonPageTests.Launch(html), enrolment.Registration);
    }

    private HttpClient Lrs(JsonObject launch) =>
        site.Lrs(AuthenticationHeaderValue.Parse(launch["auth"]!.GetValue<string>()));

    [Fact]
    public async Task LaunchCredential_WritesItsLearnersStatementForItsRegistration()
    {
        var course = await site.CourseAsync(Slug());
        var (_, launch, registration) = await LaunchedAsync(course);

        var response = await Lrs(launch).PostAsync("/xapi/statements", Json(Statement(launch["actor"]!, registration.ToString(), launch["course"]!["id"]!.GetValue<string>())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task LaunchCredential_CannotWriteAnotherLearnersStatementsOrATamperedRegistration()
    {
        var course = await site.CourseAsync(Slug());
        var (_, mine, registration) = await LaunchedAsync(course);
        var (_, theirs, theirRegistration) = await LaunchedAsync(course);
        var courseId = mine["course"]!["id"]!.GetValue<string>();

        var asOther = await Lrs(mine).PostAsync("/xapi/statements", Json(Statement(theirs["actor"]!, theirRegistration.ToString(), courseId)));
        var tampered = await Lrs(mine).PostAsync("/xapi/statements", Json(Statement(mine["actor"]!, Guid.NewGuid().ToString(), courseId)));

        Assert.Equal(HttpStatusCode.Forbidden, asOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal(["launched"], PlayerSite.Verbs(await site.StatementsAsync(theirRegistration)));
        Assert.Equal(["launched"], PlayerSite.Verbs(await site.StatementsAsync(registration)));
    }

    [Fact]
    public async Task LaunchCredential_AfterSignOut_StopsWorkingAndTheNextPageStartsANewLaunch()
    {
        var course = await site.CourseAsync(Slug());
        var email = $"signout-{Guid.NewGuid():N}@nhs.test";
        var userId = await site.CreateUserAsync(email, [Roles.Learner]);
        var enrolment = await site.EnrolAsync(userId, course);
        var client = await site.SignInAsync(email, PlayerSite.Password);
        var lesson = $"/learning/courses/{course.Slug}/lessons/reading";
        var before = LessonPageTests.Launch(await (await client.GetAsync(lesson)).Content.ReadAsStringAsync());

        await Forms.PostAsync(client, "/account/sign-out", [], pageUrl: lesson);
        var refused = await Lrs(before).PostAsync("/xapi/statements", Json(Statement(before["actor"]!, enrolment.Registration.ToString(), before["course"]!["id"]!.GetValue<string>())));
        var again = await site.SignInAsync(email, PlayerSite.Password);
        var after = LessonPageTests.Launch(await (await again.GetAsync(lesson)).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.NotEqual(before["auth"]!.GetValue<string>(), after["auth"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await Lrs(after).PostAsync("/xapi/statements",
            Json(Statement(after["actor"]!, enrolment.Registration.ToString(), after["course"]!["id"]!.GetValue<string>())))).StatusCode);
    }

    private static StringContent Json(JsonNode json) => new(json.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
