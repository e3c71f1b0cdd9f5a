using System.Text;
using Academy.Learning.Packages;
using Academy.Learning.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Academy.Learning.Tests.Support.Packages;

namespace Academy.Learning.Tests.Browser;

/// The package import journey in Chromium, with axe on each state of the run's status page at desktop width and at
/// 390 px: queued (the progress bar and Refresh link), done (the link to the course) and refused (the reasons). The
/// site runs no job server, so the test runs the import job itself once it has scanned the queued state; the page's
/// script then sees the run finished and loads the outcome.
public sealed class PackageImportBrowserTests : IAsyncLifetime
{
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
    public async Task ImportJourney_QueuedThenDoneAndQueuedThenRefused_ShowsEachStateWithNoAccessibilityErrorsAtBothWidths()
    {
        var email = Arrange.NewEmail("author");
        await site.CreateUserAsync(email, [Roles.CourseAuthor]);
        var page = await browser.NewPageAsync(site.ServerAddress);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Arrange.Password);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

        var good = Zip(("cmi5.xml", Structure(NewId("course"), "Browser import course", Au(NewId("au"), "index.html"))), ("index.html", "<p>Hello</p>"));
        await SubmitAsync(page, good, "course.zip");
        Assert.Equal("Importing the package", await page.InnerTextAsync("h1"));
        Assert.Equal("Waiting to start", await page.InnerTextAsync("#progress-text"));
        Assert.True(await page.IsVisibleAsync("#refresh"));
        await ScanAtBothWidthsAsync(page);

        await RunJobAsync(page);
        await page.WaitForSelectorAsync("h1:has-text('Package imported')", new() { Timeout = 20_000 });
        Assert.Contains("/learning/manage/courses/", await page.GetAttributeAsync("#course-link", "href"));
        await ScanAtBothWidthsAsync(page);

        await SubmitAsync(page, Encoding.UTF8.GetBytes("%PDF-1.7 not a package"), "not-a-package.zip");
        Assert.Equal("Importing the package", await page.InnerTextAsync("h1"));
        await RunJobAsync(page);
        await page.WaitForSelectorAsync("h1:has-text('The package was refused')", new() { Timeout = 20_000 });
        Assert.Contains("must be a zip file or a cmi5 course structure", await page.InnerTextAsync(".nhsuk-error-summary"));
        await ScanAtBothWidthsAsync(page);
    }

    [Fact]
    public async Task ImportForm_SentByItsScriptWithErrors_ShowsThemWithTheDesignSystemsScriptStillRunning_ThenSendsTheCorrectedForm()
    {
        var email = Arrange.NewEmail("author");
        await site.CreateUserAsync(email, [Roles.CourseAuthor]);
        var page = await browser.NewPageAsync(site.ServerAddress);
        var refused = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) refused.Add(message.Text); };
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Arrange.Password);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        await page.GotoAsync(ImportUrl);

        await page.ClickAsync("button:has-text('Import the package')");
        await page.WaitForSelectorAsync(".nhsuk-error-summary");

        Assert.Equal(ImportUrl, new Uri(page.Url).AbsolutePath);
        Assert.StartsWith("Error: ", await page.TitleAsync());
        Assert.Equal("nhsuk-error-summary", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        Assert.Contains("nhsuk-frontend-supported", await page.EvaluateAsync<string>("() => document.body.className"));
        Assert.Empty(refused);

        var good = Zip(("cmi5.xml", Structure(NewId("course"), "Corrected import course", Au(NewId("au"), "index.html"))), ("index.html", "<p>Hello</p>"));
        await page.SetInputFilesAsync("#Package", new FilePayload { Name = "course.zip", MimeType = "application/zip", Buffer = good });
        await page.SelectOptionAsync("#Domain", "technical-proficiency");
        await page.FillAsync("#EstimatedMinutes", "20");
        await page.ClickAsync("button:has-text('Import the package')");
        await page.WaitForURLAsync(url => url.Contains("/learning/manage/packages/imports/", StringComparison.Ordinal));
        Assert.Empty(refused);
    }

    private static async Task SubmitAsync(IPage page, byte[] file, string name)
    {
        await page.GotoAsync(ImportUrl);
        await page.SetInputFilesAsync("#Package", new FilePayload { Name = name, MimeType = "application/zip", Buffer = file });
        await page.SelectOptionAsync("#Domain", "technical-proficiency");
        await page.FillAsync("#EstimatedMinutes", "20");
        await page.ClickAsync("button:has-text('Import the package')");
        await page.WaitForURLAsync(url => url.Contains("/learning/manage/packages/imports/", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    private Task RunJobAsync(IPage page)
    {
        var id = RunIdOf(new Uri(page.Url).AbsolutePath);
        return site.WithServicesAsync(async sp => { await sp.GetRequiredService<PackageImportJob>().RunAsync(id, CancellationToken.None); return 0; });
    }

    private static async Task ScanAtBothWidthsAsync(IPage page)
    {
        await Accessibility.AssertNoViolationsAsync(page);
        await page.SetViewportSizeAsync(390, 844);
        try
        {
            await Accessibility.AssertNoViolationsAsync(page);
            var (scroll, width) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
            Assert.True(scroll <= width, $"{page.Url} is {scroll} px wide at a {width} px viewport.");
        }
        finally
        {
            await page.SetViewportSizeAsync(1280, 720);
        }
    }
}
