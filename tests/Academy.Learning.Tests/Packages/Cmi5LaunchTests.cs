using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Academy.Learning.Courses;
using Academy.Learning.Enrolments;
using Academy.Learning.Packages;
using Academy.Learning.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using static Academy.Learning.Tests.Support.Packages;

namespace Academy.Learning.Tests.Packages;

public sealed class Cmi5LaunchFixture : IAsyncLifetime
{
    public LearningSite Site { get; } = new();
    public HttpClient Author { get; private set; } = default!;

    public async Task InitializeAsync() => Author = await Site.SignInAsNewUserAsync(Arrange.NewEmail("author"), [Roles.CourseAuthor]);

    public Task DisposeAsync() => Site.DisposeAsync().AsTask();
}

/// Launching a unit as cmi5 section 8 and 10 require, through the unit page, the fetch URL and the LRS.
public sealed class Cmi5LaunchTests(Cmi5LaunchFixture fixture) : IClassFixture<Cmi5LaunchFixture>
{
    private LearningSite Site => fixture.Site;
    private const string PublisherAu = "https://publisher.example.org/fire/au/1";

    private sealed record Learner(HttpClient Client, Enrolment Enrolment, Course Course);

    /// A published one-unit course imported from a standalone structure, and a learner enrolled on it.
    private async Task<Learner> EnrolledAsync(string launchMethod = "OwnWindow")
    {
        var xml = Structure(NewId("course"), "Fire safety",
            Au(PublisherAu, "https://content.example.org/fire/unit.html?lang=en", $"moveOn=\"CompletedAndPassed\" masteryScore=\"0.8\" launchMethod=\"{launchMethod}\"",
                "<launchParameters>{\"level\":2}</launchParameters><entitlementKey>key-123</entitlementKey>", title: "Fire safety unit"));
        var courseId = CourseIdOf(await ImportAsync(fixture.Author, Encoding.UTF8.GetBytes(xml), "cmi5.xml"));
        var course = await Site.DbAsync(async db =>
        {
            var c = await db.Courses.Include(x => x.Sections).ThenInclude(s => s.Lessons).SingleAsync(x => x.Id == courseId);
            c.Status = CourseStatus.Published;
            c.PublishedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
            return c;
        });
        var email = Arrange.NewEmail("learner");
        var userId = await Site.CreateUserAsync(email, [Roles.Learner]);
        var client = await Site.SignInAsync(email, Arrange.Password);
        return new Learner(client, await Site.EnrolAsync(userId, course), course);
    }

    private static string UnitUrl(Course course) => $"/learning/courses/{course.Slug}/units/au-1";

    private static async Task<Uri> LaunchAsync(Learner learner, string mode = "Normal")
    {
        var response = await Forms.PostAsync(learner.Client, UnitUrl(learner.Course), new() { ["Mode"] = mode });
        // OwnWindow (or content on the web) takes the window; AnyWindow content inside a package opens in the page's sandboxed frame.
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var frame = System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), "<iframe[^>]*\\ssrc=\"([^\"]+)\"");
            Assert.True(frame.Success, "The unit page neither redirected to the unit nor framed it");
            return new Uri(new Uri("http://localhost"), System.Net.WebUtility.HtmlDecode(frame.Groups[1].Value));
        }
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    private HttpClient AuClient(string authToken)
    {
        var client = Site.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", authToken);
        return client;
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> FetchAsync(string fetchUrl)
    {
        var response = await Site.CreateAnonymousClient().PostAsync(new Uri(fetchUrl).PathAndQuery, content: null);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private async Task<JsonArray> StatementsAsync(Guid registration, string verb)
    {
        var response = await Site.Lrs().GetAsync($"/xapi/statements?registration={registration}&verb={Uri.EscapeDataString(verb)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["statements"]!.AsArray();
    }

    [Fact]
    public async Task Launch_OwnWindowUnit_RedirectsToItsUrlWithTheCmi5ParametersMergedIntoItsQuery()
    {
        var learner = await EnrolledAsync();

        var url = await LaunchAsync(learner);

        Assert.Equal("https://content.example.org/fire/unit.html", url.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(url.Query);
        Assert.Equal("en", query["lang"]);
        Assert.EndsWith("/xapi/", query["endpoint"]);
        Assert.Contains("/learning/packages/fetch/", query["fetch"].ToString());
        var actor = JsonNode.Parse(query["actor"]!)!;
        Assert.Equal("Agent", actor["objectType"]!.GetValue<string>());
        Assert.Equal(learner.Enrolment.UserId, actor["account"]!["name"]!.GetValue<string>());
        Assert.Null(actor["mbox"]);
        Assert.Equal(learner.Enrolment.Registration.ToString(), query["registration"]);
        var activityId = query["activityId"].ToString();
        Assert.NotEqual(PublisherAu, activityId);
        Assert.Equal(Site.Activities.Lesson(learner.Course.Slug, "au-1"), activityId);
        // URL-encoded: the raw query never carries the actor's braces or quotes.
        Assert.DoesNotContain("{", url.OriginalString);
    }

    [Fact]
    public async Task UnitPage_OfAUnitThatTakesTheWindow_LetsItsFormLeadToTheUnitsOriginOnly()
    {
        var learner = await EnrolledAsync();

        var page = await learner.Client.GetAsync(UnitUrl(learner.Course));

        // Browsers hold the launch form's redirect to form-action: the unit's origin is named, nothing else is.
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("form-action 'self' https://content.example.org;", policy);
        Assert.DoesNotContain("form-action 'self' https://content.example.org;", (await learner.Client.GetAsync("/learning")).Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Launch_WritesLaunchDataAndTheLaunchedStatementBeforeTheUnitStarts()
    {
        var learner = await EnrolledAsync();
        var url = await LaunchAsync(learner);
        var query = QueryHelpers.ParseQuery(url.Query);
        var (_, fetched) = await FetchAsync(query["fetch"]!);
        var au = AuClient(fetched["auth-token"]!.GetValue<string>());

        var state = await au.GetAsync($"/xapi/activities/state?activityId={Uri.EscapeDataString(query["activityId"]!)}&agent={Uri.EscapeDataString(query["actor"]!)}" +
            $"&registration={query["registration"]}&stateId=LMS.LaunchData");

        Assert.Equal(HttpStatusCode.OK, state.StatusCode);
        var data = JsonNode.Parse(await state.Content.ReadAsStringAsync())!;
        var sessionId = data["contextTemplate"]!["extensions"]![Cmi5Iris.SessionId]!.GetValue<string>();
        Assert.True(Guid.TryParse(sessionId, out _));
        Assert.Equal(PublisherAu, data["contextTemplate"]!["contextActivities"]!["grouping"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("Normal", data["launchMode"]!.GetValue<string>());
        Assert.Equal("CompletedAndPassed", data["moveOn"]!.GetValue<string>());
        Assert.Equal(0.8m, data["masteryScore"]!.GetValue<decimal>());
        Assert.Equal("{\"level\":2}", data["launchParameters"]!.GetValue<string>());
        Assert.Equal("key-123", data["entitlementKey"]!["courseStructure"]!.GetValue<string>());
        Assert.EndsWith(UnitUrl(learner.Course), data["returnURL"]!.GetValue<string>());

        var launched = Assert.Single(await StatementsAsync(learner.Enrolment.Registration, Cmi5Iris.Verbs.Launched))!;
        Assert.Equal(query["activityId"].ToString(), launched["object"]!["id"]!.GetValue<string>());
        var context = launched["context"]!;
        Assert.Equal(sessionId, context["extensions"]![Cmi5Iris.SessionId]!.GetValue<string>());
        Assert.Equal("Normal", context["extensions"]![Cmi5Iris.LaunchMode]!.GetValue<string>());
        Assert.Equal(url.OriginalString, context["extensions"]![Cmi5Iris.LaunchUrl]!.GetValue<string>());
        Assert.Equal("CompletedAndPassed", context["extensions"]![Cmi5Iris.MoveOn]!.GetValue<string>());
        Assert.Contains(context["contextActivities"]!["category"]!.AsArray(), c => c!["id"]!.GetValue<string>() == Cmi5Iris.CategoryCmi5);
        Assert.Equal(PublisherAu, context["contextActivities"]!["grouping"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("account", launched["actor"]!.AsObject().Select(p => p.Key).Single(k => k != "objectType" && k != "name"));
    }

    [Fact]
    public async Task Fetch_UsedTwice_GivesTheTokenOnceThenTheSpecsErrorJson()
    {
        var learner = await EnrolledAsync();
        var fetch = QueryHelpers.ParseQuery((await LaunchAsync(learner)).Query)["fetch"].ToString();

        var (firstStatus, first) = await FetchAsync(fetch);
        var (secondStatus, second) = await FetchAsync(fetch);
        var (unknownStatus, unknown) = await FetchAsync(fetch[..^4] + "AAAA");

        Assert.Equal(HttpStatusCode.OK, firstStatus);
        var token = first["auth-token"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await AuClient(token).GetAsync($"/xapi/statements?registration={learner.Enrolment.Registration}")).StatusCode);
        // cmi5 8.2.2: the error JSON comes with 200.
        Assert.Equal(HttpStatusCode.OK, secondStatus);
        Assert.Equal("1", second["error-code"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(second["error-text"]!.GetValue<string>()));
        Assert.Null(second["auth-token"]);
        Assert.Equal("2", unknown["error-code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, unknownStatus);
        var get = await Site.CreateAnonymousClient().GetAsync(new Uri(fetch).PathAndQuery);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
    }

    [Fact]
    public async Task Launch_WhileASessionIsOpen_AbandonsItWithADurationAndItsTokenStopsWorking()
    {
        var learner = await EnrolledAsync();
        var first = QueryHelpers.ParseQuery((await LaunchAsync(learner)).Query);
        var token = (await FetchAsync(first["fetch"]!)).Body["auth-token"]!.GetValue<string>();

        var second = QueryHelpers.ParseQuery((await LaunchAsync(learner, "Browse")).Query);

        var abandoned = Assert.Single(await StatementsAsync(learner.Enrolment.Registration, Cmi5Iris.Verbs.Abandoned))!;
        Assert.StartsWith("PT", abandoned["result"]!["duration"]!.GetValue<string>());
        var sessions = await Site.DbAsync(db => db.Cmi5Sessions.AsNoTracking().Where(s => s.EnrolmentId == learner.Enrolment.Id).OrderBy(s => s.Id).ToListAsync());
        Assert.Equal(sessions[0].SessionId.ToString(), abandoned["context"]!["extensions"]![Cmi5Iris.SessionId]!.GetValue<string>());
        Assert.NotNull(sessions[0].EndedAt);
        Assert.Null(sessions[1].EndedAt);
        Assert.Equal(LaunchMode.Browse, sessions[1].LaunchMode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AuClient(token).GetAsync($"/xapi/statements?registration={learner.Enrolment.Registration}")).StatusCode);
        Assert.Equal(first["activityId"].ToString(), second["activityId"].ToString());
    }

    [Fact]
    public async Task UnitPage_ForSomeoneNotEnrolled_IsForbidden()
    {
        var learner = await EnrolledAsync();
        var other = await Site.SignInAsNewUserAsync(Arrange.NewEmail("other"), [Roles.Learner]);

        var response = await other.GetAsync(UnitUrl(learner.Course));

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, response.StatusCode.ToString());
        Assert.Equal(0, await Site.DbAsync(db => db.Cmi5Sessions.CountAsync(s => s.EnrolmentId == learner.Enrolment.Id)));
    }

    [Fact]
    public async Task Launch_WithAModeThatIsNotCmi5s_IsRefusedAndStartsNothing()
    {
        var learner = await EnrolledAsync();

        var response = await Forms.PostAsync(learner.Client, UnitUrl(learner.Course), new() { ["Mode"] = "Sneaky" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Select how you want to open the unit", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await Site.DbAsync(db => db.Cmi5Sessions.CountAsync(s => s.EnrolmentId == learner.Enrolment.Id)));
    }

    [Fact]
    public async Task TinCanPackage_Launched_GetsTheTinCanParametersAndItsCompletionCompletesTheCourse()
    {
        var activity = NewId("tincan");
        var tincan = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <tincan xmlns="http://projecttincan.com/tincan.xsd"><activities>
              <activity id="{activity}" type="http://adlnet.gov/expapi/activities/course">
                <name lang="en-GB"> Manual handling </name><description lang="en-GB">Lifting safely.</description>
                <launch lang="en-GB">index.html</launch>
              </activity>
            </activities></tincan>
            """;
        var courseId = CourseIdOf(await ImportAsync(fixture.Author, Zip(("tincan.xml", tincan), ("index.html", "<p>Lift safely</p>")), "tincan.zip"));
        var course = await Site.DbAsync(async db =>
        {
            var c = await db.Courses.SingleAsync(x => x.Id == courseId);
            (c.Status, c.PublishedAt) = (CourseStatus.Published, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return c;
        });
        Assert.Equal("Manual handling", course.Title);
        var email = Arrange.NewEmail("learner");
        var userId = await Site.CreateUserAsync(email, [Roles.Learner]);
        var client = await Site.SignInAsync(email, Arrange.Password);
        var enrolment = await Site.EnrolAsync(userId, course);

        var url = await LaunchAsync(new Learner(client, enrolment, course));

        Assert.Contains("/learning/packages/content/", url.AbsolutePath);
        var query = QueryHelpers.ParseQuery(url.Query);
        Assert.Equal(activity, query["activity_id"]);
        Assert.StartsWith("Basic ", query["auth"].ToString());
        var lrs = Site.CreateAnonymousClient();
        lrs.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        lrs.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", query["auth"].ToString());
        var completed = new JsonObject
        {
            ["actor"] = JsonNode.Parse(query["actor"]!), ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/completed" },
            ["object"] = new JsonObject { ["id"] = activity }, ["context"] = new JsonObject { ["registration"] = query["registration"].ToString() },
        };
        var response = await lrs.PostAsync("/xapi/statements", new StringContent(completed.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Site.WaitForProjectionAsync();
        Assert.True((await Site.ProgressAsync(enrolment))?.IsComplete);
    }
}
