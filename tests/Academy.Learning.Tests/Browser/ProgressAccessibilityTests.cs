using Academy.Learning.Tests.Support;
using Microsoft.Playwright;
using Verbs = Academy.Learning.LearningActivities.Verbs;

namespace Academy.Learning.Tests.Browser;

/// The site on Kestrel with a learner who has a course in every state, one who has none, and an administrator.
public sealed class ProgressAxeFixture : IAsyncLifetime
{
    public const string Password = "a-long-enough-password";
    public KestrelLearningSite Site { get; } = new();
    public Academy.Testing.Browser Browser { get; } = new();
    private readonly Dictionary<string, IPage> pages = [];
    private readonly Dictionary<string, string> emails = new()
    {
        ["learner"] = $"axe-learner-{Guid.NewGuid():N}@nhs.test",
        ["new-learner"] = $"axe-new-{Guid.NewGuid():N}@nhs.test",
        ["admin"] = $"axe-admin-{Guid.NewGuid():N}@nhs.test",
    };

    public async Task InitializeAsync()
    {
        _ = Site.ServerAddress;
        await Browser.InitializeAsync();
        var learner = await Site.CreateUserAsync(emails["learner"], [Roles.Learner]);
        await Site.CreateUserAsync(emails["new-learner"], [Roles.Learner]);
        await Site.CreateUserAsync(emails["admin"], [Roles.Administrator]);
        var a = Site.Activities;
        var started = await Site.CourseAsync("Started course", 12, "page:first", "quiz:check");
        var untouched = await Site.CourseAsync("Untouched course", 12, "page:only");
        var expiring = await Site.CourseAsync("Expiring course", 1, "page:only");
        var done = await Site.CourseAsync("Finished course", 0, "page:only");
        var startedEnrolment = await Site.EnrolAsync(learner, started, new DateOnly(2020, 1, 31));
        await Site.EnrolAsync(learner, untouched, new DateOnly(2099, 1, 31));
        var expiringEnrolment = await Site.EnrolAsync(learner, expiring);
        var doneEnrolment = await Site.EnrolAsync(learner, done);
        var old = Statement.Lesson(a, expiringEnrolment, expiring, "only", Verbs.Experienced);
        old["timestamp"] = DateTimeOffset.UtcNow.AddDays(-20).ToString("O");
        await Site.PostAsync(
            Statement.Lesson(a, startedEnrolment, started, "first", Verbs.Experienced),
            Statement.Quiz(a, startedEnrolment, started, "check", passed: false, 0.4),
            old,
            Statement.Lesson(a, doneEnrolment, done, "only", Verbs.Experienced));
        await Site.WaitForProjectionAsync();
    }

    public async Task<IPage> PageAsync(string who)
    {
        if (pages.TryGetValue(who, out var page)) return page;
        page = await Browser.NewPageAsync(Site.ServerAddress);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Input_Email", emails[who]);
        await page.FillAsync("#Input_Password", Password);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        return pages[who] = page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Site.DisposeAsync();
    }
}

public sealed class KestrelLearningSite() : LearningSite(kestrel: true);

public sealed class ProgressAccessibilityTests(ProgressAxeFixture fixture) : IClassFixture<ProgressAxeFixture>
{
    [Theory]
    [InlineData("learner", "/learning", "My learning")]
    [InlineData("new-learner", "/learning", "My learning")]
    [InlineData("admin", "/learning/manage/progress", "Learners' progress")]
    public async Task Page_HasNoAccessibilityErrors(string who, string url, string heading)
    {
        var page = await fixture.PageAsync(who);

        var response = await page.GotoAsync(url);

        Assert.Equal(200, response!.Status);
        Assert.Equal(heading, await page.InnerTextAsync("h1"));
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task MyLearning_AtPhoneWidth_HasNoAccessibilityErrors()
    {
        var page = await fixture.PageAsync("learner");
        await page.SetViewportSizeAsync(375, 740);

        await page.GotoAsync("/learning");

        Assert.True(await page.IsVisibleAsync("text=Resume"));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.SetViewportSizeAsync(1280, 720);
    }

    [Fact]
    public async Task RebuildButton_QueuesTheRebuildAndSaysSo_WithNoAccessibilityErrors()
    {
        var page = await fixture.PageAsync("admin");
        await page.GotoAsync("/learning/manage/progress");

        await page.ClickAsync("button:has-text('Rebuild progress')");

        Assert.Contains("The rebuild has been queued.", await page.InnerTextAsync("#queued"));
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
