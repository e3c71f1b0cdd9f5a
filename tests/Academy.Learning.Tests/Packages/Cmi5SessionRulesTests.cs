using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Academy.Learning.Courses;
using Academy.Learning.Packages;
using Academy.Learning.Progress;
using Academy.Learning.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using static Academy.Learning.Tests.Support.Packages;

namespace Academy.Learning.Tests.Packages;

/// What the LRS accepts from an AU's session credential (cmi5 section 9), and what Academy records from it: moveOn,
/// satisfied for the block and the course, and the course's completion. Each AU session is launched through the unit
/// page and its token fetched, as the AU does.
public sealed class Cmi5SessionRulesTests(Cmi5LaunchFixture fixture) : IClassFixture<Cmi5LaunchFixture>
{
    private LearningSite Site => fixture.Site;

    private sealed record Session(HttpClient Au, JsonObject Actor, Guid Registration, string ActivityId, string SessionId, int EnrolmentId, Course Course);

    private async Task<(HttpClient Learner, Course Course, Academy.Learning.Enrolments.Enrolment Enrolment)> EnrolAsync(string moveOn)
    {
        var xml = Structure(NewId("course"), "Infection control",
            Block(NewId("block"), "Only block", Au(NewId("au"), "https://content.example.org/ic.html", $"moveOn=\"{moveOn}\" masteryScore=\"0.8\"")));
        var courseId = CourseIdOf(await ImportAsync(fixture.Author, Encoding.UTF8.GetBytes(xml), "cmi5.xml"));
        var course = await Site.DbAsync(async db =>
        {
            var c = await db.Courses.SingleAsync(x => x.Id == courseId);
            (c.Status, c.PublishedAt) = (CourseStatus.Published, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return c;
        });
        var email = Arrange.NewEmail("learner");
        var userId = await Site.CreateUserAsync(email, [Roles.Learner]);
        return (await Site.SignInAsync(email, Arrange.Password), course, await Site.EnrolAsync(userId, course));
    }

    private async Task<Session> LaunchAsync(HttpClient learner, Course course, int enrolmentId, string mode = "Normal")
    {
        var response = await Forms.PostAsync(learner, $"/learning/courses/{course.Slug}/units/au-1", new() { ["Mode"] = mode });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        var fetched = await Site.CreateAnonymousClient().PostAsync(new Uri(query["fetch"]!).PathAndQuery, null);
        var token = JsonNode.Parse(await fetched.Content.ReadAsStringAsync())!["auth-token"]!.GetValue<string>();
        var au = Site.CreateAnonymousClient();
        au.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        au.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        var session = await Site.DbAsync(db => db.Cmi5Sessions.Where(s => s.EnrolmentId == enrolmentId).OrderByDescending(s => s.Id).Select(s => s.SessionId).FirstAsync());
        return new Session(au, JsonNode.Parse(query["actor"]!)!.AsObject(), Guid.Parse(query["registration"]!), query["activityId"]!, session.ToString(), enrolmentId, course);
    }

    private static JsonObject Statement(Session s, string verb, JsonObject? result = null, bool cmi5 = true, bool moveOn = false, string? sessionId = null)
    {
        var categories = new JsonArray();
        if (cmi5) categories.Add(new JsonObject { ["id"] = Cmi5Iris.CategoryCmi5 });
        if (moveOn) categories.Add(new JsonObject { ["id"] = Cmi5Iris.CategoryMoveOn });
        var statement = new JsonObject
        {
            ["actor"] = s.Actor.DeepClone(),
            ["verb"] = new JsonObject { ["id"] = verb },
            ["object"] = new JsonObject { ["objectType"] = "Activity", ["id"] = s.ActivityId },
            ["context"] = new JsonObject
            {
                ["registration"] = s.Registration.ToString(),
                ["contextActivities"] = new JsonObject { ["category"] = categories },
                ["extensions"] = new JsonObject { [Cmi5Iris.SessionId] = sessionId ?? s.SessionId },
            },
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        };
        if (result is not null) statement["result"] = result;
        return statement;
    }

    private static JsonObject Passed(double scaled) => new() { ["success"] = true, ["score"] = new JsonObject { ["scaled"] = scaled }, ["duration"] = "PT1M" };
    private static JsonObject Failed(double scaled) => new() { ["success"] = false, ["score"] = new JsonObject { ["scaled"] = scaled }, ["duration"] = "PT1M" };
    private static JsonObject Done() => new() { ["completion"] = true, ["duration"] = "PT2M" };

    private static async Task<HttpResponseMessage> SendAsync(Session s, JsonObject statement) =>
        await s.Au.PostAsync("/xapi/statements", new StringContent(statement.ToJsonString(), Encoding.UTF8, "application/json"));

    private static async Task AcceptedAsync(Session s, JsonObject statement)
    {
        var response = await SendAsync(s, statement);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// Refused with 403 and the reason, and stored nowhere (the registration holds no statement with its verb more than before).
    private async Task RefusedAsync(Session s, JsonObject statement, string reason)
    {
        var verb = statement["verb"]!["id"]!.GetValue<string>();
        var before = await CountAsync(s.Registration, verb);
        var response = await SendAsync(s, statement);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{(int)response.StatusCode}: {body}");
        Assert.Contains(reason, body);
        Assert.Equal(before, await CountAsync(s.Registration, verb));
    }

    private async Task<int> CountAsync(Guid registration, string verb)
    {
        var response = await Site.Lrs().GetAsync($"/xapi/statements?registration={registration}&verb={Uri.EscapeDataString(verb)}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["statements"]!.AsArray().Count;
    }

    [Fact]
    public async Task AuStatements_BreakingTheSessionRules_AreRefusedWith403AndStoredNowhere()
    {
        var (learner, course, enrolment) = await EnrolAsync("CompletedAndPassed");
        var s = await LaunchAsync(learner, course, enrolment.Id);

        await RefusedAsync(s, Statement(s, Cmi5Iris.Verbs.Completed, Done(), moveOn: true), "The first statement of an AU session is a cmi5 initialized statement");
        await RefusedAsync(s, Statement(s, Cmi5Iris.Verbs.Initialized, sessionId: Guid.NewGuid().ToString()), "carries the session id");
        await AcceptedAsync(s, Statement(s, Cmi5Iris.Verbs.Initialized));
        await RefusedAsync(s, Statement(s, Cmi5Iris.Verbs.Initialized), "already initialized");
        await AcceptedAsync(s, Statement(s, "http://adlnet.gov/expapi/verbs/experienced", cmi5: false));
        await AcceptedAsync(s, Statement(s, Cmi5Iris.Verbs.Completed, Done(), moveOn: true));
        await RefusedAsync(s, Statement(s, Cmi5Iris.Verbs.Completed, Done(), moveOn: true), "already completed in this registration");
        await RefusedAsync(s, Statement(s, Cmi5Iris.Verbs.Passed, Passed(0.5), moveOn: true), "below the mastery score");
        await RefusedAsync(s, Statement(s, Cmi5Iris.Verbs.Failed, Failed(0.9), moveOn: true), "not below the mastery score");
        await RefusedAsync(s, Statement(s, Cmi5Iris.Verbs.Satisfied), "does not send cmi5 defined statements with the verb");
        var ids = await Site.PostAsync(Statement(s, "http://adlnet.gov/expapi/verbs/experienced", cmi5: false));
        var voiding = new JsonObject
        {
            ["actor"] = s.Actor.DeepClone(), ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/voided" },
            ["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = ids[0].ToString() },
            ["context"] = new JsonObject { ["registration"] = s.Registration.ToString(), ["extensions"] = new JsonObject { [Cmi5Iris.SessionId] = s.SessionId } },
        };
        await RefusedAsync(s, voiding, "may not void");
        await AcceptedAsync(s, Statement(s, Cmi5Iris.Verbs.Passed, Passed(0.8), moveOn: true));
        await RefusedAsync(s, Statement(s, Cmi5Iris.Verbs.Failed, Failed(0.1), moveOn: true), "at most one passed or failed");
        await AcceptedAsync(s, Statement(s, Cmi5Iris.Verbs.Terminated, new JsonObject { ["duration"] = "PT5M" }));
    }

    [Fact]
    public async Task AuStatements_AfterTerminated_AreTakenWithinTheGracePeriodThenRefusedWith403()
    {
        var (learner, course, enrolment) = await EnrolAsync("Completed");
        var s = await LaunchAsync(learner, course, enrolment.Id);
        await AcceptedAsync(s, Statement(s, Cmi5Iris.Verbs.Initialized));
        await AcceptedAsync(s, Statement(s, Cmi5Iris.Verbs.Terminated, new JsonObject { ["duration"] = "PT1M" }));
        var terminatedAt = DateTimeOffset.UtcNow;

        // Sent by the AU at the same moment as terminated, arriving just after it (the site's grace period is LearningSite.GracePeriod).
        await AcceptedAsync(s, Statement(s, "http://adlnet.gov/expapi/verbs/experienced", cmi5: false));
        Assert.True(DateTimeOffset.UtcNow - terminatedAt < LearningSite.GracePeriod, "the statement arrived within the grace period");
        await RefusedAsync(s, Statement(s, Cmi5Iris.Verbs.Terminated, new JsonObject { ["duration"] = "PT1M" }), "already terminated");

        await Task.Delay(LearningSite.GracePeriod + TimeSpan.FromMilliseconds(500));
        await RefusedAsync(s, Statement(s, "http://adlnet.gov/expapi/verbs/experienced", cmi5: false), "has terminated and its grace period is over");
        await RefusedAsync(s, Statement(s, Cmi5Iris.Verbs.Completed, Done(), moveOn: true), "has terminated and its grace period is over");
    }

    [Fact]
    public async Task AuStatements_InBrowseMode_MayNotComplete()
    {
        var (learner, course, enrolment) = await EnrolAsync("Completed");
        var s = await LaunchAsync(learner, course, enrolment.Id, "Browse");

        await AcceptedAsync(s, Statement(s, Cmi5Iris.Verbs.Initialized));
        await RefusedAsync(s, Statement(s, Cmi5Iris.Verbs.Completed, Done(), moveOn: true), "In Browse mode an AU records only initialized and terminated");
    }

    [Fact]
    public async Task MoveOnCompletedAndPassed_WhenBothArrive_SatisfiesTheBlockAndTheCourseAndCompletesIt()
    {
        var (learner, course, enrolment) = await EnrolAsync("CompletedAndPassed");
        var s = await LaunchAsync(learner, course, enrolment.Id);
        await AcceptedAsync(s, Statement(s, Cmi5Iris.Verbs.Initialized));
        await AcceptedAsync(s, Statement(s, Cmi5Iris.Verbs.Completed, Done(), moveOn: true));
        await Site.WaitForProjectionAsync();
        Assert.Equal(0, await CountAsync(s.Registration, Cmi5Iris.Verbs.Satisfied));

        await AcceptedAsync(s, Statement(s, Cmi5Iris.Verbs.Passed, Passed(0.9), moveOn: true));
        await AcceptedAsync(s, Statement(s, Cmi5Iris.Verbs.Terminated, new JsonObject { ["duration"] = "PT5M" }));

        var satisfied = await WaitForAsync(async () => await CountAsync(s.Registration, Cmi5Iris.Verbs.Satisfied) == 2);
        Assert.True(satisfied, "Academy recorded satisfied for the block and the course");
        var response = await Site.Lrs().GetAsync($"/xapi/statements?registration={s.Registration}&verb={Uri.EscapeDataString(Cmi5Iris.Verbs.Satisfied)}");
        var objects = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["statements"]!.AsArray()
            .Select(st => (Id: st!["object"]!["id"]!.GetValue<string>(), Type: st["object"]!["definition"]!["type"]!.GetValue<string>())).ToList();
        Assert.Contains((Site.Activities.Course(course.Slug), Cmi5Iris.CourseType), objects);
        Assert.Contains((Site.Activities.Block(course.Slug, 1), Cmi5Iris.BlockType), objects);
        Assert.True(await WaitForAsync(async () => (await Site.ProgressAsync(enrolment))?.Status is ProgressStatus.Completed or ProgressStatus.Passed), "the course is complete");
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition()) return true;
            await Task.Delay(200);
        }
        return false;
    }
}
