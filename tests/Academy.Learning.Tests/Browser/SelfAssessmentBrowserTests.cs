using Academy.Learning.Courses;
using Academy.Learning.SelfAssessment;
using Academy.Learning.Tests.Support;
using Microsoft.Playwright;

namespace Academy.Learning.Tests.Browser;

/// The site on Kestrel with a trust of five people who have taken the self-assessment (its CCIO sees figures), a
/// trust of two (its CCIO sees none), a course to recommend, and Debian's Chromium.
public sealed class SelfAssessmentBrowserFixture : IAsyncLifetime
{
    public KestrelLearningSite Site { get; } = new();
    public Academy.Testing.Browser Browser { get; } = new();
    public string Trust { get; } = SelfAssessments.NewTrust();
    public string SmallTrust { get; } = SelfAssessments.NewTrust();

    public async Task InitializeAsync()
    {
        _ = Site.ServerAddress;
        await Browser.InitializeAsync();
        for (var i = 0; i < 5; i++)
            await SelfAssessments.SubmitAsync(Site, await Site.CreateUserAsync(Arrange.NewEmail("staff"), [Roles.Learner], Trust), Trust, SelfAssessments.Everywhere(i, 8));
        for (var i = 0; i < 2; i++)
            await SelfAssessments.SubmitAsync(Site, await Site.CreateUserAsync(Arrange.NewEmail("staff"), [Roles.Learner], SmallTrust), SmallTrust, SelfAssessments.Everywhere(i, 8));
        await Site.CourseAsync("Getting more from the patient record", 12, "page:only");
    }

    /// A new person with the role, signed in through the sign-in page.
    public async Task<IPage> SignedInAsync(string role, string trust)
    {
        var email = Arrange.NewEmail(role.ToLowerInvariant());
        await Site.CreateUserAsync(email, [role], trust);
        return await Browser.SignedInPageAsync(Site.ServerAddress, email, Arrange.Password);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Site.DisposeAsync();
    }
}

/// Issue 11 §6 in a browser: every page state of the self-assessment scanned with axe-core once, at desktop width
/// and at a 390 px phone.
public sealed class SelfAssessmentBrowserTests(SelfAssessmentBrowserFixture fixture) : IClassFixture<SelfAssessmentBrowserFixture>
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task Learner_TakesTheSelfAssessmentFromMyLearning_EveryStateHasNoAccessibilityErrors(int width, int height)
    {
        var page = await fixture.SignedInAsync(Roles.Learner, fixture.Trust);
        await page.SetViewportSizeAsync(width, height);

        await page.GotoAsync("/learning");
        await page.ClickAsync("text=Take the self-assessment or see your results");
        Assert.Equal("Digital capability self-assessment", await page.InnerTextAsync("h1"));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.ClickAsync("a.nhsuk-button:has-text('Start now')");

        Assert.Contains("Domain 1 of 6", await page.InnerTextAsync("h1"));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.ClickAsync("button:has-text('Save and continue')");
        Assert.Contains("There is a problem", await page.InnerTextAsync(".nhsuk-error-summary"));
        Assert.Contains("Select where you are now for statement 1, from 0 to 10", await page.InnerTextAsync("#Statement1_Now-error"));
        await Accessibility.AssertNoViolationsAsync(page);

        foreach (var domain in CapabilityDomains.All)
        {
            Assert.Contains(domain.DisplayName, await page.InnerTextAsync("h1"));
            foreach (var item in CapabilityStatements.For(domain.Domain))
            {
                // Technical proficiency is where the gap is: now 2, need 9; elsewhere now 6, need 7.
                var (now, need) = domain.Domain == CapabilityDomain.TechnicalProficiency ? (2, 9) : (6, 7);
                await page.ClickAsync($"label[for='Statement{item.Number}_Now-{now + 1}']");
                await page.ClickAsync($"label[for='Statement{item.Number}_Need-{need + 1}']");
            }
            await page.ClickAsync("button:has-text('Save and continue')");
        }

        Assert.Equal("Check your answers before you submit them", await page.InnerTextAsync("h1"));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.ClickAsync("button:has-text('Submit and see your results')");

        Assert.Contains("Your results", await page.InnerTextAsync("h1"));
        Assert.Contains("Your biggest gap is in Technical proficiency", await page.InnerTextAsync("main"));
        Assert.True(await page.IsVisibleAsync("a:has-text('Getting more from the patient record')"));
        Assert.True(await page.IsVisibleAsync("svg.app-chart"));
        await Accessibility.AssertNoViolationsAsync(page);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, $"The result page is wider than the {width} px viewport.");
    }

    [Theory]
    [InlineData(false, 1280, 800)]
    [InlineData(true, 1280, 800)]
    [InlineData(true, 390, 844)]
    public async Task Ccio_SeesTheTrustSummaryOrThatTooFewHaveTakenIt_WithNoAccessibilityErrors(bool enough, int width, int height)
    {
        var page = await fixture.SignedInAsync(Roles.Ccio, enough ? fixture.Trust : fixture.SmallTrust);
        await page.SetViewportSizeAsync(width, height);

        await page.GotoAsync(SelfAssessmentPaths.Start);
        await page.ClickAsync("text=See your trust's summary");

        var main = await page.InnerTextAsync("main");
        if (enough) Assert.Contains("5 people in your trust have taken the self-assessment.", main);
        else Assert.Contains("Fewer than 5 people in your trust have taken the self-assessment.", main);
        Assert.Equal(enough, await page.IsVisibleAsync("svg.app-chart"));
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
