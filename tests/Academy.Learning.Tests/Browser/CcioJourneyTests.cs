using System.Text.RegularExpressions;
using Academy.Learning.Courses;
using Academy.Learning.Enrolments.Uploads;
using Academy.Learning.SelfAssessment;
using Academy.Learning.Tests.Support;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Academy.Learning.Tests.Enrolments.UploadSupport;

namespace Academy.Learning.Tests.Browser;

/// The site on Kestrel with no job server of its own: the test starts a real Hangfire server on the site's job
/// storage once it has seen the upload's progress bar (with one running from the start, a two-row job could finish
/// before the page is shown). Every job after that (the upload, the outbox, the reminders) runs through it.
public sealed class CcioJourneySite() : LearningSite(kestrel: true, new Dictionary<string, string?> { ["Academy:Jobs:RunServer"] = "false" });

/// Issue 11's browser journey in Chromium, one test: a CCIO creates a cohort, puts a course and two people on it,
/// uploads a CSV with one bad row, sees the error by its row, fixes it, applies it and watches the progress bar; a
/// learner completes the course; the dashboard shows them completed and the other person overdue; the reminder job's
/// email reaches the mail pickup folder through the outbox; the learner takes the self-assessment and sees
/// recommendations; the trust's exemplar page shows the workforce skills summary. axe-core scans each new state.
public sealed class CcioJourneyTests : IAsyncLifetime
{
    // One of the starter recipe's exemplar trusts, so that it has an exemplar page.
    private const string Trust = "RBA";
    private readonly CcioJourneySite site = new();
    private readonly Academy.Testing.Browser browser = new();
    private BackgroundJobServer? jobs;

    public async Task InitializeAsync()
    {
        _ = site.ServerAddress;
        await browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        jobs?.Dispose();
        await browser.DisposeAsync();
        await site.DisposeAsync();
    }

    [Fact]
    public async Task Ccio_RunsACohortFromUploadToDashboard_LearnerCompletesAndSelfAssesses_TrustPageShowsTheSkills()
    {
        var ccioEmail = Arrange.NewEmail("ccio");
        var (priyaEmail, samEmail) = (Arrange.NewEmail("priya"), Arrange.NewEmail("sam"));
        await site.CreateUserAsync(ccioEmail, [Roles.Ccio], Trust, name: "Casey CCIO");
        var priya = await site.CreateUserAsync(priyaEmail, [Roles.Learner], Trust, name: "Priya Shah");
        var sam = await site.CreateUserAsync(samEmail, [Roles.Learner], Trust, name: "Sam Jones");
        // Four colleagues have taken the self-assessment already: Priya's is the fifth, so the trust's figures show.
        for (var i = 0; i < 4; i++)
            await SelfAssessments.SubmitAsync(site, await site.CreateUserAsync(Arrange.NewEmail("colleague"), [Roles.Learner], Trust), Trust, SelfAssessments.Everywhere(5, 7));
        var cyber = await site.CourseAsync("Cyber security basics", 12, "page:only");
        await site.CourseAsync("Data protection in practice", 12, "page:only");
        var ccio = await browser.SignedInPageAsync(site.ServerAddress, ccioEmail, Arrange.Password);

        // The cohort, its course (due 7 days after joining) and its two people, through the pages.
        await ccio.GotoAsync("/learning/cohorts/new");
        await ccio.GetByLabel("Cohort name").FillAsync("Ward 7 nurses");
        await ccio.ClickAsync("button:has-text('Create cohort')");
        await ccio.WaitForURLAsync(new Regex(@"/learning/cohorts/\d+/manage$"));
        var cohortId = int.Parse(ccio.Url.Split('/')[^2], System.Globalization.CultureInfo.InvariantCulture);
        await ccio.GetByLabel("Course", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Cyber security basics" });
        await ccio.GetByLabel("A number of days after each person joins").CheckAsync();
        await ccio.GetByLabel("Days after joining").FillAsync("7");
        await SubmitAsync(ccio, "button:has-text('Add course')");
        Assert.Contains("The course is added", await ccio.InnerTextAsync("main"));
        foreach (var email in new[] { priyaEmail, samEmail })
        {
            await ccio.GetByLabel("Add a person by their email address").FillAsync(email);
            await SubmitAsync(ccio, "button:has-text('Add person')");
            Assert.Contains("The person is added", await ccio.InnerTextAsync("main"));
        }

        // The upload: row 3 names a course that does not exist; nothing is applied until the file is right.
        var due = Uk(Today.AddDays(30));
        await ChooseAsync(ccio, Csv(["email,course,due date", $"{priyaEmail},Data protection in practice,{due}", $"{samEmail},Data protecton in practice,{due}"]));
        Assert.Contains("1 row of the file has a problem", await ccio.InnerTextAsync(".nhsuk-error-summary"));
        var badRow = await ccio.InnerTextAsync("#row-errors ~ table tbody tr");
        Assert.StartsWith("3\t", badRow.Trim());
        Assert.Contains("No published course is called Data protecton in practice", badRow);
        await Accessibility.AssertNoViolationsAsync(ccio);
        await ChooseAsync(ccio, Csv(["email,course,due date", $"{priyaEmail},Data protection in practice,{due}", $"{samEmail},Data protection in practice,{due}"]));
        Assert.Equal("Check the enrolments", await ccio.InnerTextAsync("h1"));
        await SubmitAsync(ccio, "button:has-text('Apply the enrolments')");
        Assert.Equal("Applying the enrolments", await ccio.InnerTextAsync("h1"));
        Assert.Equal("0 of 2 rows", await ccio.InnerTextAsync("#progress-text"));
        Assert.Equal("2", await ccio.GetAttributeAsync("progress#progress", "max"));

        // The job server starts; the page's script polls the progress and loads the summary when the job is done.
        jobs = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            Activator = site.Services.GetRequiredService<JobActivator>(), ServerName = "ccio-journey", WorkerCount = 2,
            SchedulePollingInterval = TimeSpan.FromSeconds(1),
        }, site.Services.GetRequiredService<JobStorage>());
        await ccio.WaitForSelectorAsync("h1:has-text('Enrolments applied')", new() { Timeout = 30_000 });
        Assert.Equal("2", await ccio.InnerTextAsync("#enrolled"));

        // Sam's cohort course falls overdue: a due date cannot be put in the past through the pages, so the stored
        // date is moved back three days, as time passing would.
        await site.DbAsync(db => db.Enrolments.Where(e => e.UserId == sam && e.CourseId == cyber.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.DueOn, Today.AddDays(-3))));

        // Priya completes the course in her own browser.
        var learner = await browser.SignedInPageAsync(site.ServerAddress, priyaEmail, Arrange.Password);
        await learner.GotoAsync($"/learning/courses/{cyber.Slug}");
        await learner.ClickAsync("a:has-text('Start the course')");
        await learner.WaitForURLAsync($"**/lessons/only");
        await PlayerBrowserSite.WaitUntilAsync(learner, "() => document.querySelector('[data-app-sent-by]').value === 'page'");
        await learner.ClickAsync("button:has-text('Finish and return to the course')");
        await learner.WaitForURLAsync($"**/learning/courses/{cyber.Slug}");
        await site.WaitForProjectionAsync();

        // The dashboard: Priya completed, Sam overdue, on the cohort's course.
        await ccio.GotoAsync($"/learning/cohorts/{cohortId}");
        Assert.Equal("Ward 7 nurses", await ccio.InnerTextAsync("h1"));
        Assert.Contains("Completed", await LearnerRowAsync(ccio, "Priya Shah", "Cyber security basics"));
        Assert.Contains("Overdue", await LearnerRowAsync(ccio, "Sam Jones", "Cyber security basics"));
        await Accessibility.AssertNoViolationsAsync(ccio);

        // The weekly reminder, as its schedule runs it: Sam's overdue course reaches the pickup folder through the
        // outbox; Priya has nothing due within 7 days, so she gets none.
        site.Services.GetRequiredService<IRecurringJobManager>().Trigger(LearningModule.ReminderJobId);
        var reminder = await site.WaitForEmailAsync(samEmail);
        Assert.Contains("Dear Sam Jones", reminder);
        Assert.Contains("Cyber security basics: overdue", reminder);
        Assert.Equal(0, await site.DbAsync(db => db.LearnerReminders.CountAsync(r => r.UserId == priya)));

        // Priya's self-assessment: her gap is in technical proficiency, where both courses are.
        await learner.GotoAsync("/learning");
        await learner.ClickAsync("text=Take the self-assessment or see your results");
        await learner.ClickAsync("a.nhsuk-button:has-text('Start now')");
        foreach (var domain in CapabilityDomains.All)
        {
            Assert.Contains(domain.DisplayName, await learner.InnerTextAsync("h1"));
            foreach (var item in CapabilityStatements.For(domain.Domain))
            {
                var (now, need) = domain.Domain == CapabilityDomain.TechnicalProficiency ? (3, 9) : (6, 7);
                await learner.ClickAsync($"label[for='Statement{item.Number}_Now-{now + 1}']");
                await learner.ClickAsync($"label[for='Statement{item.Number}_Need-{need + 1}']");
            }
            await learner.ClickAsync("button:has-text('Save and continue')");
        }
        await learner.ClickAsync("button:has-text('Submit and see your results')");
        Assert.Contains("Your results", await learner.InnerTextAsync("h1"));
        Assert.Contains("Your biggest gap is in Technical proficiency", await learner.InnerTextAsync("main"));
        Assert.True(await learner.IsVisibleAsync("main a:has-text('Data protection in practice')"));

        // The trust's exemplar page, as the CCIO reads it: the workforce beside the programme.
        await ccio.GotoAsync($"/exemplars/trusts/{Trust}");
        var skills = await ccio.InnerTextAsync("main");
        var summary = skills[skills.IndexOf("Workforce digital skills", StringComparison.Ordinal)..];
        Assert.Matches(@"People enrolled\s+2\b", summary);
        Assert.Matches(@"Courses completed\s+1 of 4 \(25%\)", summary);
        Assert.Matches(@"Overdue\s+1\b", summary);
        Assert.Matches(@"Self-assessment\s+5 people have taken it", summary);
        await Accessibility.AssertNoViolationsAsync(ccio);
    }

    private static async Task<string> LearnerRowAsync(IPage page, string learner, string course) =>
        await page.Locator("#learners ~ table tbody tr").Filter(new() { HasText = learner }).Filter(new() { HasText = course }).InnerTextAsync();

    /// Submits a form and waits for its answer (the load state alone is already reached by the page being left).
    private static async Task SubmitAsync(IPage page, string button)
    {
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync(button), r => r.Request.Method == "POST" && r.Request.IsNavigationRequest);
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    private static async Task ChooseAsync(IPage page, byte[] csv)
    {
        await page.GotoAsync(UploadPage);
        await page.SetInputFilesAsync("#Upload", new FilePayload { Name = "enrolments.csv", MimeType = "text/csv", Buffer = csv });
        await SubmitAsync(page, "button:has-text('Check the file')");
    }
}
