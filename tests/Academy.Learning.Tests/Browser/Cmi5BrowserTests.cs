using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using Academy.Learning.Courses;
using Academy.Learning.Packages;
using Academy.Learning.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Learning.Tests.Support.Packages;

namespace Academy.Learning.Tests.Browser;

public sealed class Cmi5BrowserSite : IAsyncLifetime
{
    /// Package content on a host of its own: the site listens on 127.0.0.1, and units are launched from localhost, another origin.
    public sealed class KestrelSite() : LearningSite(kestrel: true)
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Academy:Learning:PackageContentHost", "localhost");
        }
    }

    public KestrelSite Site { get; } = new();
    public Academy.Testing.Browser Browser { get; } = new();

    public Task InitializeAsync() => Browser.InitializeAsync();

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Site.DisposeAsync();
    }
}

/// A cmi5 course written for the tests, whose AU page uses @xapi/cmi5 (from npm, the browser build) exactly as
/// published e-learning does: imported through the import page, launched by a learner in Chromium from the unit page,
/// completed and passed; then the LRS is asked for the registration's statements.
public sealed class Cmi5BrowserTests(Cmi5BrowserSite fixture) : IClassFixture<Cmi5BrowserSite>
{
    private Cmi5BrowserSite.KestrelSite Site => fixture.Site;

    private static string ClientScript() => File.ReadAllText(Path.Combine(
        typeof(Cmi5BrowserTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Cmi5AuFolder").Value!,
        "node_modules", "@xapi", "cmi5", "dist", "Cmi5.umd.js"));

    /// The AU does what its moveOn asks (read from LMS.LaunchData, as published units do), then terminates; then it probes
    /// what the content host may reach: Academy's own pages (a signed-in page) must be out of reach, and its cookies absent.
    private const string AuPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Test unit</title></head>
        <body><main><h1>Test unit</h1><p id="status">starting</p><p id="probe"></p><p id="cookies"></p></main>
        <script src="cmi5.umd.js"></script>
        <script>
        (async function () {
          var status = document.getElementById('status');
          try {
            var Cmi5 = window.Cmi5.default || window.Cmi5;
            var cmi5 = new Cmi5();
            await cmi5.initialize();
            var moveOn = cmi5.getLaunchData().moveOn;
            if (moveOn === 'Completed' || moveOn === 'CompletedAndPassed') await cmi5.complete();
            if (moveOn === 'Passed' || moveOn === 'CompletedAndPassed' || moveOn === 'CompletedOrPassed') await cmi5.pass(0.9);
            await cmi5.terminate();
            var site = new URL(new URLSearchParams(location.search).get('endpoint')).origin;
            try {
              var page = await fetch(site + '/learning', { credentials: 'include' });
              document.getElementById('probe').textContent = 'read ' + page.status;
            } catch (e) {
              document.getElementById('probe').textContent = 'blocked';
            }
            document.getElementById('cookies').textContent = 'cookies: ' + document.cookie;
            status.textContent = 'finished';
          } catch (e) {
            status.textContent = 'error: ' + (e && (e.message || e));
          }
        })();
        </script></body></html>
        """;

    /// What the AU sends for each moveOn value (besides initialized and terminated).
    public static TheoryData<string, string[]> MoveOnValues() => new()
    {
        { "Completed", [Cmi5Iris.Verbs.Completed] },
        { "Passed", [Cmi5Iris.Verbs.Passed] },
        { "CompletedAndPassed", [Cmi5Iris.Verbs.Completed, Cmi5Iris.Verbs.Passed] },
        { "CompletedOrPassed", [Cmi5Iris.Verbs.Passed] },
        { "NotApplicable", [] },
    };

    // Package content comes from http://localhost:PORT (Academy:Learning:PackageContentHost), the site from
    // http://127.0.0.1:PORT: another origin, so the unit may keep its origin (allow-same-origin), which @xapi/cmi5 needs
    // (its HTTP client reads document.cookie, which throws in an opaque origin).
    [Theory, MemberData(nameof(MoveOnValues))]
    public async Task Cmi5Course_LaunchedInChromiumAndCompleted_LeavesTheCmi5StatementsInTheLrs(string moveOn, string[] sent)
    {
        var xml = Structure(NewId("course"), $"Browser cmi5 course ({moveOn})",
            Block(NewId("block"), "The block", Au(NewId("au"), "au/index.html", $"moveOn=\"{moveOn}\" masteryScore=\"0.5\" launchMethod=\"OwnWindow\"")));
        // Imported through the import service (the import page itself is tested over HTTP in PackageImportTests).
        var file = Path.Combine(Site.DataFolder, $"browser-{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(file, Zip(("cmi5.xml", xml), ("au/index.html", AuPage), ("au/cmi5.umd.js", ClientScript())));
        var imported = await Site.WithServicesAsync(sp => sp.GetRequiredService<PackageImport>()
            .ImportAsync(file, "browser.zip", new PackageImport.Settings(CapabilityDomain.TechnicalProficiency, 10), "test", default));
        Assert.Empty(imported.Errors);
        var courseId = imported.Course!.Id;
        var course = await Site.DbAsync(async db =>
        {
            var c = await db.Courses.SingleAsync(x => x.Id == courseId);
            (c.Status, c.PublishedAt) = (CourseStatus.Published, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return c;
        });
        var email = Arrange.NewEmail("learner");
        var userId = await Site.CreateUserAsync(email, [Roles.Learner]);
        var enrolment = await Site.EnrolAsync(userId, course);
        var page = await fixture.Browser.NewPageAsync(Site.ServerAddress, alsoHosts: ["localhost"]);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Arrange.Password);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

        await page.GotoAsync($"/learning/courses/{course.Slug}/units/au-1");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.ClickAsync("button:has-text('Open the unit')");

        var verbs = new List<string>();
        for (var i = 0; i < 150 && !(verbs.Contains(Cmi5Iris.Verbs.Terminated) && verbs.Count(v => v == Cmi5Iris.Verbs.Satisfied) == 2); i++)
        {
            await Task.Delay(200);
            verbs = await VerbsAsync(enrolment.Registration);
        }
        await page.WaitForFunctionAsync("document.getElementById('status') && document.getElementById('status').textContent !== 'starting'");
        var status = await page.TextContentAsync("#status");
        Assert.Equal("localhost", new Uri(page.Url).Host);
        Assert.True(verbs.Count(v => v == Cmi5Iris.Verbs.Satisfied) == 2, $"AU status '{status}'; the LRS holds {string.Join(", ", verbs)}");
        Assert.Equal("finished", status);
        foreach (var verb in new[] { Cmi5Iris.Verbs.Launched, Cmi5Iris.Verbs.Initialized, Cmi5Iris.Verbs.Terminated }.Concat(sent))
            Assert.Equal(1, verbs.Count(v => v == verb));
        foreach (var verb in new[] { Cmi5Iris.Verbs.Completed, Cmi5Iris.Verbs.Passed, Cmi5Iris.Verbs.Failed }.Except(sent))
            Assert.DoesNotContain(verb, verbs);
        // The content's origin reaches the LRS and the fetch URL only: Academy's pages are refused it, and it holds none of Academy's cookies.
        Assert.Equal("blocked", await page.TextContentAsync("#probe"));
        Assert.DoesNotContain("AspNetCore", await page.TextContentAsync("#cookies"));

        var statements = await StatementsAsync(enrolment.Registration);
        var sessionId = await Site.DbAsync(db => db.Cmi5Sessions.Where(s => s.EnrolmentId == enrolment.Id).Select(s => s.SessionId).SingleAsync());
        foreach (var s in statements.Where(s => s!["verb"]!["id"]!.GetValue<string>() is Cmi5Iris.Verbs.Initialized or Cmi5Iris.Verbs.Completed or Cmi5Iris.Verbs.Passed or Cmi5Iris.Verbs.Terminated))
        {
            Assert.Equal(sessionId.ToString(), s!["context"]!["extensions"]![Cmi5Iris.SessionId]!.GetValue<string>());
            Assert.Contains(s["context"]!["contextActivities"]!["category"]!.AsArray(), c => c!["id"]!.GetValue<string>() == Cmi5Iris.CategoryCmi5);
            Assert.Equal(Site.Activities.Lesson(course.Slug, "au-1"), s["object"]!["id"]!.GetValue<string>());
        }
        var satisfied = statements.Where(s => s!["verb"]!["id"]!.GetValue<string>() == Cmi5Iris.Verbs.Satisfied).Select(s => s!["object"]!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(Site.Activities.Course(course.Slug), satisfied);
        Assert.Contains(Site.Activities.Block(course.Slug, 1), satisfied);
        for (var i = 0; i < 100 && (await Site.ProgressAsync(enrolment))?.IsComplete != true; i++) await Task.Delay(200);
        Assert.True((await Site.ProgressAsync(enrolment))?.IsComplete, "the course is complete");
    }

    /// A Tin Can package whose page sends its statement with tincanjs (the browser build Academy's player serves),
    /// launched in Chromium from the unit page with the Tin Can launch parameters, from the content host.
    private const string TinCanPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Tin Can unit</title></head>
        <body><main><h1>Tin Can unit</h1><p id="status">starting</p></main>
        <script src="tincan-min.js"></script>
        <script>
        (function () {
          var status = document.getElementById('status');
          try {
            var tincan = new TinCan({ url: window.location.href });
            tincan.sendStatement({
              verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-GB': 'completed' } },
              target: tincan.activity,
              result: { completion: true }
            }, function (results) {
              var r = results && results[0];
              status.textContent = r && r.err ? 'error: ' + r.err + ' ' + (r.xhr && r.xhr.status) : 'finished';
            });
          } catch (e) {
            status.textContent = 'error: ' + (e && (e.message || e));
          }
        })();
        </script></body></html>
        """;

    [Fact]
    public async Task TinCanPackage_WithATincanjsPage_LaunchedInChromiumAndCompleted_CompletesTheCourse()
    {
        var activity = NewId("tincan");
        var tincan = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <tincan xmlns="http://projecttincan.com/tincan.xsd"><activities>
              <activity id="{activity}" type="http://adlnet.gov/expapi/activities/course">
                <name lang="en-GB">Browser Tin Can course</name><description lang="en-GB">Sent with tincanjs.</description>
                <launch lang="en-GB">index.html</launch>
              </activity>
            </activities></tincan>
            """;
        var client = await Site.CreateAnonymousClient(Site.ServerAddress).GetStringAsync("/_content/Academy.Learning/lib/tincan/tincan-min.js");
        var file = Path.Combine(Site.DataFolder, $"tincan-{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(file, Zip(("tincan.xml", tincan), ("index.html", TinCanPage), ("tincan-min.js", client)));
        var imported = await Site.WithServicesAsync(sp => sp.GetRequiredService<PackageImport>()
            .ImportAsync(file, "tincan.zip", new PackageImport.Settings(CapabilityDomain.TechnicalProficiency, 10), "test", default));
        Assert.Empty(imported.Errors);
        var course = await Site.DbAsync(async db =>
        {
            var c = await db.Courses.SingleAsync(x => x.Id == imported.Course!.Id);
            (c.Status, c.PublishedAt) = (CourseStatus.Published, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return c;
        });
        var email = Arrange.NewEmail("learner");
        var enrolment = await Site.EnrolAsync(await Site.CreateUserAsync(email, [Roles.Learner]), course);
        var page = await fixture.Browser.NewPageAsync(Site.ServerAddress, alsoHosts: ["localhost"]);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Arrange.Password);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

        await page.GotoAsync($"/learning/courses/{course.Slug}/units/au-1");
        await page.ClickAsync("button:has-text('Open the unit')");
        await page.WaitForFunctionAsync("document.getElementById('status') && document.getElementById('status').textContent !== 'starting'");

        Assert.Equal("localhost", new Uri(page.Url).Host);
        Assert.Equal("finished", await page.TextContentAsync("#status"));
        var completed = Assert.Single(await StatementsAsync(enrolment.Registration))!;
        Assert.Equal("http://adlnet.gov/expapi/verbs/completed", completed["verb"]!["id"]!.GetValue<string>());
        Assert.Equal(activity, completed["object"]!["id"]!.GetValue<string>());
        Assert.Equal(enrolment.UserId, completed["actor"]!["account"]!["name"]!.GetValue<string>());
        for (var i = 0; i < 100 && (await Site.ProgressAsync(enrolment))?.IsComplete != true; i++) await Task.Delay(200);
        Assert.True((await Site.ProgressAsync(enrolment))?.IsComplete, "the course is complete");
    }

    [Fact]
    public async Task ImportPage_WithARefusedPackage_HasNoAccessibilityViolations()
    {
        var email = Arrange.NewEmail("author");
        await Site.CreateUserAsync(email, [Roles.CourseAuthor]);
        var page = await fixture.Browser.NewPageAsync(Site.ServerAddress);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Arrange.Password);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        await page.GotoAsync(ImportUrl);
        await Accessibility.AssertNoViolationsAsync(page);

        var file = Path.Combine(Site.DataFolder, "not-a-package.zip");
        await File.WriteAllTextAsync(file, "%PDF-1.7 not a package");
        await page.SetInputFilesAsync("#Package", file);
        await page.SelectOptionAsync("#Domain", "technical-proficiency");
        await page.FillAsync("#EstimatedMinutes", "20");
        await page.ClickAsync("button:has-text('Import the package')");
        await page.WaitForSelectorAsync(".nhsuk-error-summary");

        Assert.Contains("must be a zip file or a cmi5 course structure", await page.TextContentAsync(".nhsuk-error-summary"));
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task WaivePage_WithErrorsAndAfterAWaiver_HasNoAccessibilityViolations()
    {
        var xml = Structure(NewId("course"), "Browser waiver course",
            Au(NewId("au"), "https://content.example.org/waive/1.html", "moveOn=\"Completed\"", title: "First unit"),
            Au(NewId("au"), "https://content.example.org/waive/2.html", "moveOn=\"Passed\"", title: "Second unit"));
        var file = Path.Combine(Site.DataFolder, $"waive-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(file, xml);
        var imported = await Site.WithServicesAsync(sp => sp.GetRequiredService<PackageImport>()
            .ImportAsync(file, "cmi5.xml", new PackageImport.Settings(CapabilityDomain.TechnicalProficiency, 10), "test", default));
        Assert.Empty(imported.Errors);
        var course = await Site.DbAsync(db => db.Courses.SingleAsync(x => x.Id == imported.Course!.Id));
        var learnerId = await Site.CreateUserAsync(Arrange.NewEmail("learner"), [Roles.Learner], "RWB");
        var enrolment = await Site.EnrolAsync(learnerId, course);
        var email = Arrange.NewEmail("ccio");
        await Site.CreateUserAsync(email, [Roles.Ccio], "RWB");
        var page = await fixture.Browser.NewPageAsync(Site.ServerAddress);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Arrange.Password);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

        await page.GotoAsync($"/learning/enrolments/{enrolment.Id}/waive");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.ClickAsync("button:has-text('Waive the unit')");
        await page.WaitForSelectorAsync(".nhsuk-error-summary");
        Assert.Contains("Select the unit to waive", await page.TextContentAsync(".nhsuk-error-summary"));
        await Accessibility.AssertNoViolationsAsync(page);

        await page.CheckAsync("label:has-text('First unit')");
        await page.CheckAsync("label:has-text('Equivalent Outside Activity')");
        await page.ClickAsync("button:has-text('Waive the unit')");
        await page.WaitForSelectorAsync(".nhsuk-inset-text");
        Assert.Contains("First unit is waived", await page.TextContentAsync(".nhsuk-inset-text"));
        await Accessibility.AssertNoViolationsAsync(page);
        var waived = (await StatementsAsync(enrolment.Registration)).Single(st => st!["verb"]!["id"]!.GetValue<string>() == Cmi5Iris.Verbs.Waived)!;
        Assert.Equal("Equivalent Outside Activity", waived["result"]!["extensions"]![Cmi5Iris.Reason]!.GetValue<string>());
    }

    [Fact]
    public async Task PreferencesPage_WithErrorsAndSaved_HasNoAccessibilityViolations()
    {
        var email = Arrange.NewEmail("learner");
        await Site.CreateUserAsync(email, [Roles.Learner]);
        var page = await fixture.Browser.NewPageAsync(Site.ServerAddress);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Arrange.Password);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

        await page.GotoAsync("/learning/preferences");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.FillAsync("#LanguagePreference", "not a language");
        await page.ClickAsync("button:has-text('Save preferences')");
        await page.WaitForSelectorAsync(".nhsuk-error-summary");
        Assert.Contains("is not one", await page.TextContentAsync(".nhsuk-error-summary"));
        await Accessibility.AssertNoViolationsAsync(page);

        await page.FillAsync("#LanguagePreference", "en-GB,cy");
        await page.CheckAsync("label:has-text('Sound off')");
        await page.ClickAsync("button:has-text('Save preferences')");
        await page.WaitForSelectorAsync(".nhsuk-inset-text");
        Assert.Equal("en-GB,cy", await page.InputValueAsync("#LanguagePreference"));
        Assert.True(await page.IsCheckedAsync("#AudioPreference-2"));
        await Accessibility.AssertNoViolationsAsync(page);
    }

    private async Task<JsonArray> StatementsAsync(Guid registration)
    {
        var response = await Site.Lrs().GetAsync($"/xapi/statements?registration={registration}&limit=100");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["statements"]!.AsArray();
    }

    private async Task<List<string>> VerbsAsync(Guid registration) =>
        (await StatementsAsync(registration)).Select(s => s!["verb"]!["id"]!.GetValue<string>()).ToList();
}
