using Academy.Learning.Cohorts;
using Academy.Learning.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Academy.Learning.Tests.Browser;

/// A trust with a CCIO, a cohort of two learners on one course (one has passed it, one is overdue), on Kestrel.
public sealed class CohortAxeFixture : IAsyncLifetime
{
    public const string Password = "a-long-enough-password";
    public const string Trust = "RAXE1";
    public KestrelLearningSite Site { get; } = new();
    public Academy.Testing.Browser Browser { get; } = new();
    public int CohortId { get; private set; }
    public string LearnerId { get; private set; } = "";
    private readonly string ccioEmail = $"axe-ccio-{Guid.NewGuid():N}@nhs.test";
    private IPage? page;

    public async Task InitializeAsync()
    {
        _ = Site.ServerAddress;
        await Browser.InitializeAsync();
        var ccio = await Site.CreateUserAsync(ccioEmail, [Roles.Ccio], Trust, name: "Casey CCIO");
        var doneEmail = $"axe-done-{Guid.NewGuid():N}@nhs.test";
        var lateEmail = $"axe-late-{Guid.NewGuid():N}@nhs.test";
        LearnerId = await Site.CreateUserAsync(doneEmail, [Roles.Learner], Trust, name: "Priya Shah");
        var late = await Site.CreateUserAsync(lateEmail, [Roles.Learner], Trust, name: "Sam Jones");
        var course = await Site.CourseAsync("Cyber security basics", 12, "quiz:check");
        CohortId = await Site.WithServicesAsync(async sp =>
        {
            var rules = sp.GetRequiredService<CohortRules>();
            var (cohort, _) = await rules.CreateAsync(Trust, ccio, "Ward 7 nurses", default);
            await rules.AddCourseAsync(cohort!, course.Id.ToString(), "days", null, "7", default);
            await rules.AddMemberAsync(cohort!, doneEmail, default);
            await rules.AddMemberAsync(cohort!, lateEmail, default);
            return cohort!.Id;
        });
        await Site.DbAsync(db => db.Enrolments.Where(e => e.UserId == late).ExecuteUpdateAsync(s => s.SetProperty(e => e.DueOn, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3))));
        var done = await Site.DbAsync(db => db.Enrolments.SingleAsync(e => e.UserId == LearnerId));
        await Site.PostAsync(Statement.Quiz(Site.Activities, done, course, "check", passed: true, scaled: 0.9));
        await Site.WaitForProjectionAsync();
    }

    public async Task<IPage> PageAsync()
    {
        if (page is not null) return page;
        page = await Browser.NewPageAsync(Site.ServerAddress);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Input_Email", ccioEmail);
        await page.FillAsync("#Input_Password", Password);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Site.DisposeAsync();
    }
}

public sealed class CohortAccessibilityTests(CohortAxeFixture fixture) : IClassFixture<CohortAxeFixture>
{
    [Theory]
    [InlineData("/learning", "My learning")]
    [InlineData("/learning/cohorts", "Cohorts")]
    [InlineData("/learning/cohorts/new", "Create a cohort")]
    [InlineData("/learning/cohorts/enrol", "Enrol a person on a course")]
    [InlineData("/learning/cohorts/{id}", "Ward 7 nurses")]
    [InlineData("/learning/cohorts/{id}?Status=Nonsense", "Ward 7 nurses")]
    [InlineData("/learning/cohorts/{id}/manage", "Manage Ward 7 nurses")]
    [InlineData("/learning/cohorts/{id}/learners/{learner}", "Priya Shah")]
    public async Task Page_HasNoAccessibilityErrors(string url, string heading)
    {
        var page = await fixture.PageAsync();

        var response = await page.GotoAsync(url.Replace("{id}", fixture.CohortId.ToString()).Replace("{learner}", fixture.LearnerId));

        Assert.Equal(200, response!.Status);
        Assert.Equal(heading, await page.InnerTextAsync("h1"));
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Forms_WithErrors_ShowTheSummaryAndHaveNoAccessibilityErrors()
    {
        var page = await fixture.PageAsync();
        await page.GotoAsync($"/learning/cohorts/{fixture.CohortId}/manage");

        await SubmitAsync(page, "form[action*='handler=AddCourse'] button[type=submit]");

        await AssertErrorAsync(page, "Select a course");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/learning/cohorts/enrol");
        await SubmitAsync(page, "main form button[type=submit]");
        await AssertErrorAsync(page, "Enter an email address");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    private static async Task SubmitAsync(IPage page, string button)
    {
        // Waits for the form's answer to load: the load state alone is already reached by the page being left.
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync(button), r => r.Request.Method == "POST" && r.Request.IsNavigationRequest);
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    private static async Task AssertErrorAsync(IPage page, string message)
    {
        var text = await page.InnerTextAsync("body");
        Assert.True(text.Contains("There is a problem", StringComparison.Ordinal) && text.Contains(message, StringComparison.Ordinal),
            $"{page.Url} shows no error summary with '{message}': {text[Math.Max(0, text.IndexOf("Home", StringComparison.Ordinal))..][..Math.Min(1500, text.Length - Math.Max(0, text.IndexOf("Home", StringComparison.Ordinal)))]}");
    }

    [Fact]
    public async Task Dashboard_AtPhoneWidth_FitsWithoutScrollingSideways()
    {
        var page = await fixture.PageAsync();
        await page.SetViewportSizeAsync(390, 844);

        await page.GotoAsync($"/learning/cohorts/{fixture.CohortId}");

        var (scroll, width) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        await page.SetViewportSizeAsync(1280, 720);
        Assert.True(scroll <= width, $"The dashboard is {scroll} px wide at a {width} px viewport.");
        Assert.True(await page.IsVisibleAsync("text=Priya Shah"));
    }
}
