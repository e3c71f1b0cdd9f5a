using System.Text;
using Academy.Learning.Enrolments.Uploads;
using Academy.Learning.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Academy.Learning.Tests.Enrolments.UploadSupport;

namespace Academy.Learning.Tests.Browser;

/// The upload journey in Chromium, with axe on each state: the form, a file with a bad row, the check of a good file,
/// the progress bar while the job runs, and the summary the page's script loads when it has finished. The site runs
/// no job server, so the test runs the job itself once it has seen the progress state (otherwise the job could finish
/// before the page is scanned).
public sealed class UploadBrowserTests : IAsyncLifetime
{
    private const string Trust = "RBT";
    private readonly AcademySite site = AcademySite.Create(overrides: new Dictionary<string, string?> { ["Academy:Jobs:RunServer"] = "false" }, kestrel: true);
    private readonly Academy.Testing.Browser browser = new();

    public async Task InitializeAsync()
    {
        _ = site.ServerAddress;
        await browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await site.DisposeAsync();
    }

    [Fact]
    public async Task UploadJourney_BadRowThenFixedFileThenApply_ShowsEachStateWithNoAccessibilityErrors()
    {
        var ccio = Arrange.NewEmail("ccio");
        await site.CreateUserAsync(ccio, [Roles.Ccio], Trust);
        var (first, second) = (Arrange.NewEmail("nurse"), Arrange.NewEmail("porter"));
        await site.CreateUserAsync(first, [Roles.Learner], Trust);
        await site.CreateUserAsync(second, [Roles.Learner], Trust);
        var course = await Arrange.PublishedCourseAsync(site, "Cyber security basics");
        var due = Uk(Today.AddDays(30));
        var page = await browser.NewPageAsync(site.ServerAddress);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Input_Email", ccio);
        await page.FillAsync("#Input_Password", Arrange.Password);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

        await page.GotoAsync(UploadPage);
        Assert.Equal("Upload enrolments", await page.InnerTextAsync("h1"));
        await Accessibility.AssertNoViolationsAsync(page);

        await ChooseAsync(page, Csv(["email,course,due date", $"{first},{course.Title},{due}", $"{second},Cyber security basic,{due}"]));
        Assert.Contains("1 row of the file has a problem", await page.InnerTextAsync(".nhsuk-error-summary"));
        Assert.Contains("No published course is called Cyber security basic", await page.InnerTextAsync("table"));
        await Accessibility.AssertNoViolationsAsync(page);

        await ChooseAsync(page, Csv(["email,course,due date", $"{first},{course.Title},{due}", $"{second},Cyber security basics,{due}"]));
        Assert.Equal("Check the enrolments", await page.InnerTextAsync("h1"));
        await Accessibility.AssertNoViolationsAsync(page);

        await page.ClickAsync("button:has-text('Apply the enrolments')");
        Assert.Equal("Applying the enrolments", await page.InnerTextAsync("h1"));
        Assert.Equal("0 of 2 rows", await page.InnerTextAsync("#progress-text"));
        await Accessibility.AssertNoViolationsAsync(page);

        var id = int.Parse(page.Url.Split('/').Last().Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        await site.WithServicesAsync(async sp => { await sp.GetRequiredService<EnrolmentUploadJob>().RunAsync(id, CancellationToken.None); return 0; });
        // The page's script polls, sees the job done and loads the summary.
        await page.WaitForSelectorAsync("h1:has-text('Enrolments applied')", new() { Timeout = 20_000 });
        Assert.Equal("2", await page.InnerTextAsync("#enrolled"));
        await Accessibility.AssertNoViolationsAsync(page);
    }

    private static async Task ChooseAsync(IPage page, byte[] csv)
    {
        await page.GotoAsync(UploadPage);
        await page.SetInputFilesAsync("#Upload", new FilePayload { Name = "enrolments.csv", MimeType = "text/csv", Buffer = csv });
        await page.ClickAsync("button:has-text('Check the file')");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
