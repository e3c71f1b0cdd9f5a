using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Academy.Learning.Courses;
using Academy.Learning.Enrolments;
using Academy.Learning.Packages;
using Academy.Learning.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Academy.Learning.Tests.Support.Packages;

namespace Academy.Learning.Tests.Packages;

/// Waiving a cmi5 unit (issue 10 §4, cmi5 9.3.7) through the waive page over HTTP: who may, what the LRS then holds,
/// once per unit per registration, and the form's refusals.
public sealed class Cmi5WaiverTests(Cmi5LaunchFixture fixture) : IClassFixture<Cmi5LaunchFixture>
{
    private LearningSite Site => fixture.Site;
    private const string Trust = "RWA";

    private sealed record Arranged(Course Course, Enrolment Enrolment, PackageAu First, PackageAu Second, string PublisherFirst);

    /// A published course of one block with two units (moveOn Completed and Passed), and a learner of the trust enrolled on it.
    private async Task<Arranged> EnrolledAsync()
    {
        var first = NewId("au");
        var xml = Structure(NewId("course"), "Sepsis awareness",
            Block(NewId("block"), "The block",
                Au(first, "https://content.example.org/sepsis/1.html", "moveOn=\"Completed\"", title: "Spotting sepsis"),
                Au(NewId("au"), "https://content.example.org/sepsis/2.html", "moveOn=\"Passed\" masteryScore=\"0.7\"", title: "Acting on sepsis")));
        var courseId = CourseIdOf(await ImportAsync(fixture.Author, Encoding.UTF8.GetBytes(xml), "cmi5.xml"));
        var course = await Site.DbAsync(async db =>
        {
            var c = await db.Courses.SingleAsync(x => x.Id == courseId);
            (c.Status, c.PublishedAt) = (CourseStatus.Published, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return c;
        });
        var userId = await Site.CreateUserAsync(Arrange.NewEmail("learner"), [Roles.Learner], Trust, name: "Ada Nurse");
        var enrolment = await Site.EnrolAsync(userId, course);
        var units = await Site.DbAsync(db => db.PackageAus.AsNoTracking().Include(a => a.Lesson).Where(a => a.Lesson.Section.CourseId == courseId)
            .OrderBy(a => a.Lesson.Position).ToListAsync());
        return new Arranged(course, enrolment, units[0], units[1], first);
    }

    private static string WaiveUrl(Enrolment enrolment) => $"/learning/enrolments/{enrolment.Id}/waive";

    private Task<HttpClient> CcioAsync(string trust = Trust) => Site.SignInAsNewUserAsync(Arrange.NewEmail("ccio"), [Roles.Ccio], trust);

    private async Task<JsonArray> StatementsAsync(Guid registration, string? verb = null)
    {
        var response = await Site.Lrs().GetAsync($"/xapi/statements?registration={registration}&limit=100" + (verb is null ? "" : $"&verb={Uri.EscapeDataString(verb)}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["statements"]!.AsArray();
    }

    /// Posts the waive form with the anti-forgery token of the page (or of another page, for someone to whom the page is not found).
    private static Task<HttpResponseMessage> WaiveAsync(HttpClient client, Enrolment enrolment, int? auId, string? reason, string? pageUrl = null)
    {
        var fields = new Dictionary<string, string>();
        if (auId is { } id) fields["AuId"] = id.ToString();
        if (reason is not null) fields["Reason"] = reason;
        return Forms.PostAsync(client, WaiveUrl(enrolment), fields, pageUrl);
    }

    [Fact]
    public async Task Waive_ByACcioOfTheLearnersTrust_RecordsAWaivedStatementWithASessionOfItsOwn()
    {
        var arranged = await EnrolledAsync();
        var ccio = await CcioAsync();
        var page = await ccio.GetStringAsync(WaiveUrl(arranged.Enrolment));
        Assert.Contains("Ada Nurse", page);
        Assert.Contains("Spotting sepsis", page);

        var response = await WaiveAsync(ccio, arranged.Enrolment, arranged.First.Id, "Tested Out");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Spotting sepsis is waived", await ccio.GetStringAsync(response.Headers.Location!.OriginalString));
        var waived = Assert.Single(await StatementsAsync(arranged.Enrolment.Registration, Cmi5Iris.Verbs.Waived))!;
        Assert.Equal(Site.Activities.Lesson(arranged.Course.Slug, arranged.First.Lesson.Slug), waived["object"]!["id"]!.GetValue<string>());
        Assert.Equal(arranged.Enrolment.UserId, waived["actor"]!["account"]!["name"]!.GetValue<string>());
        var result = waived["result"]!;
        Assert.True(result["success"]!.GetValue<bool>());
        Assert.True(result["completion"]!.GetValue<bool>());
        Assert.Equal("Tested Out", result["extensions"]![Cmi5Iris.Reason]!.GetValue<string>());
        var context = waived["context"]!;
        Assert.Equal(arranged.Enrolment.Registration.ToString(), context["registration"]!.GetValue<string>());
        var categories = context["contextActivities"]!["category"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(Cmi5Iris.CategoryCmi5, categories);
        Assert.Contains(Cmi5Iris.CategoryMoveOn, categories);
        Assert.Equal(arranged.PublisherFirst, context["contextActivities"]!["grouping"]![0]!["id"]!.GetValue<string>());
        var session = context["extensions"]![Cmi5Iris.SessionId]!.GetValue<string>();
        Assert.True(Guid.TryParse(session, out _));
        // A session of its own: no launch has it, and no statement but this one uses it (the block is not yet satisfied).
        Assert.Equal(0, await Site.DbAsync(db => db.Cmi5Sessions.CountAsync(s => s.SessionId == Guid.Parse(session))));
        var all = await StatementsAsync(arranged.Enrolment.Registration);
        Assert.Single(all, s => s!["context"]?["extensions"]?[Cmi5Iris.SessionId]?.GetValue<string>() == session);
        Assert.Empty(await StatementsAsync(arranged.Enrolment.Registration, Cmi5Iris.Verbs.Satisfied));
        // The waived unit counts as met on the page now, and the form offers only the other one.
        var after = await ccio.GetStringAsync(WaiveUrl(arranged.Enrolment));
        Assert.Contains("Waived (Tested Out)", after);
        Assert.DoesNotContain($"value=\"{arranged.First.Id}\"", after);
    }

    [Fact]
    public async Task Waive_EveryUnit_SatisfiesTheBlockAndTheCourseInTheWaiversSessionAndCompletesIt()
    {
        var arranged = await EnrolledAsync();
        var admin = await Site.SignInAsAdministratorAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await WaiveAsync(admin, arranged.Enrolment, arranged.First.Id, "Equivalent AU")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WaiveAsync(admin, arranged.Enrolment, arranged.Second.Id, "Administrative")).StatusCode);

        var satisfied = await StatementsAsync(arranged.Enrolment.Registration, Cmi5Iris.Verbs.Satisfied);
        Assert.Equal(2, satisfied.Count);
        var secondWaiver = await Site.DbAsync(db => db.PackageWaivers.AsNoTracking().SingleAsync(w => w.EnrolmentId == arranged.Enrolment.Id && w.AuId == arranged.Second.Id));
        Assert.All(satisfied, s => Assert.Equal(secondWaiver.SessionId.ToString(), s!["context"]!["extensions"]![Cmi5Iris.SessionId]!.GetValue<string>()));
        Assert.Contains(satisfied, s => s!["object"]!["id"]!.GetValue<string>() == Site.Activities.Course(arranged.Course.Slug));
        await Site.WaitForProjectionAsync();
        for (var i = 0; i < 50 && (await Site.ProgressAsync(arranged.Enrolment))?.IsComplete != true; i++) await Task.Delay(200);
        Assert.True((await Site.ProgressAsync(arranged.Enrolment))?.IsComplete, "the course is complete");
        Assert.Contains("Every unit of this course is already met", await admin.GetStringAsync(WaiveUrl(arranged.Enrolment)));
    }

    [Fact]
    public async Task Waive_TheSameUnitTwice_IsRefusedBesideTheFieldAndLeavesOneWaiver()
    {
        var arranged = await EnrolledAsync();
        var ccio = await CcioAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await WaiveAsync(ccio, arranged.Enrolment, arranged.First.Id, "Tested Out")).StatusCode);

        var again = await WaiveAsync(ccio, arranged.Enrolment, arranged.First.Id, "Administrative");

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var html = await again.Content.ReadAsStringAsync();
        Assert.Contains("Spotting sepsis is already met (Waived (Tested Out)): select another unit", html);
        Assert.Contains("id=\"AuId-error\"", html);
        Assert.Single(await StatementsAsync(arranged.Enrolment.Registration, Cmi5Iris.Verbs.Waived));
        Assert.Equal(1, await Site.DbAsync(db => db.PackageWaivers.CountAsync(w => w.EnrolmentId == arranged.Enrolment.Id)));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(null, "Because")]
    public async Task Waive_WithoutAUnitOrAReasonOfTheSpecs_ShowsTheErrorsInFieldOrderAndRecordsNothing(int? auId, string? reason)
    {
        var arranged = await EnrolledAsync();
        var ccio = await CcioAsync();

        var response = await WaiveAsync(ccio, arranged.Enrolment, auId, reason);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var summary = html[html.IndexOf("nhsuk-error-summary", StringComparison.Ordinal)..];
        var unit = summary.IndexOf("href=\"#AuId\">Select the unit to waive", StringComparison.Ordinal);
        var why = summary.IndexOf("href=\"#Reason\">Select why the unit is waived", StringComparison.Ordinal);
        Assert.True(unit >= 0 && why > unit, "both errors, the unit's first");
        Assert.Contains("id=\"Reason-error\"", html);
        Assert.Empty(await StatementsAsync(arranged.Enrolment.Registration, Cmi5Iris.Verbs.Waived));
        Assert.Equal(0, await Site.DbAsync(db => db.PackageWaivers.CountAsync(w => w.EnrolmentId == arranged.Enrolment.Id)));
    }

    [Fact]
    public async Task CohortLearnerPage_ForAPackageCourse_LinksItsCcioToTheWaivePage()
    {
        var arranged = await EnrolledAsync();
        var cohortId = await Site.DbAsync(async db =>
        {
            var cohort = new Academy.Learning.Cohorts.Cohort
            {
                TrustOdsCode = Trust, Name = "Sepsis cohort " + Guid.NewGuid().ToString("N")[..6], CreatedAt = DateTimeOffset.UtcNow,
                Courses = [new() { CourseId = arranged.Course.Id, AddedAt = DateTimeOffset.UtcNow }],
                Members = [new() { UserId = arranged.Enrolment.UserId, Email = "ada@learning.test", JoinedAt = DateTimeOffset.UtcNow }],
            };
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return cohort.Id;
        });
        var page = $"/learning/cohorts/{cohortId}/learners/{arranged.Enrolment.UserId}";

        Assert.Contains($"href=\"{WaiveUrl(arranged.Enrolment)}\"", await (await CcioAsync()).GetStringAsync(page));
        Assert.Contains($"href=\"{WaiveUrl(arranged.Enrolment)}\"", await (await Site.SignInAsAdministratorAsync()).GetStringAsync(page));
    }

    [Fact]
    public async Task WaivePage_ForSomeoneNotAllowed_IsNotFoundOrDeniedAndWaivesNothing()
    {
        var arranged = await EnrolledAsync();
        var url = WaiveUrl(arranged.Enrolment);
        var otherTrust = await CcioAsync("RXX");
        var noTrust = await Site.SignInAsNewUserAsync(Arrange.NewEmail("ccio"), [Roles.Ccio]);
        var learner = await Site.SignInAsNewUserAsync(Arrange.NewEmail("learner"), [Roles.Learner], Trust);
        var lead = await Site.SignInAsNewUserAsync(Arrange.NewEmail("lead"), [Roles.TrustLead], Trust);

        Assert.Equal(HttpStatusCode.OK, (await (await CcioAsync()).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await Site.SignInAsAdministratorAsync()).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherTrust.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await noTrust.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await WaiveAsync(otherTrust, arranged.Enrolment, arranged.First.Id, "Tested Out", "/learning/courses")).StatusCode);
        foreach (var denied in new[] { learner, lead })
        {
            var response = await denied.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString);
        }
        var anonymous = await Site.CreateAnonymousClient().GetAsync(url);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location!.OriginalString);
        // A course that is not a cmi5 package has nothing to waive.
        var plain = await Site.CourseAsync("Plain course", 12, "page:intro");
        var plainEnrolment = await Site.EnrolAsync(arranged.Enrolment.UserId, plain);
        Assert.Equal(HttpStatusCode.NotFound, (await (await Site.SignInAsAdministratorAsync()).GetAsync(WaiveUrl(plainEnrolment))).StatusCode);
        Assert.Empty(await StatementsAsync(arranged.Enrolment.Registration, Cmi5Iris.Verbs.Waived));
    }
}
