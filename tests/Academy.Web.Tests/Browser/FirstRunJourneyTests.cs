using Microsoft.Playwright;

namespace Academy.Web.Tests.Browser;

/// A person's first visit in a real Chromium: set the site up, sign in as its administrator,
/// reach each module's landing page, with an axe-core scan of every page on the way.
public sealed class FirstRunJourneyTests : IAsyncLifetime
{
    private readonly AcademySite site = AcademySite.Create(setUp: false, kestrel: true);
    private readonly Academy.Testing.Browser browser = new();

    public Task InitializeAsync() => browser.InitializeAsync();

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await site.DisposeAsync();
    }

    [Fact]
    public async Task Setup_ThenSignIn_ReachesEveryModule_AndEveryPagePassesAxe()
    {
        var page = await browser.NewPageAsync(site.ServerAddress);

        await page.GotoAsync("/");
        Assert.EndsWith("/setup", page.Url);
        await Accessibility.AssertNoViolationsAsync(page);

        // A mistake first: the error summary and the inline errors must be accessible too.
        await page.GetByLabel("Site name").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up Academy" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter a site name");
        Assert.StartsWith("Error: ", await page.TitleAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Site name").FillAsync("North Digital Academy");
        await page.GetByLabel("Email address").FillAsync("admin@north.test");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("a-long-admin-password");
        await page.GetByLabel("Confirm password").FillAsync("a-long-admin-password");
        await page.GetByLabel("Digital exemplar programme").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up Academy" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("North Digital Academy");
        await Accessibility.AssertNoViolationsAsync(page);

        foreach (var (link, heading) in new[] { ("My learning", "My learning"), ("Exemplar programme", "Digital exemplar programme"), ("Users", "Users") })
        {
            await Navigation.FollowAsync(page, link);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
            await Accessibility.AssertNoViolationsAsync(page);
        }
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("admin@north.test");

        await page.GetByRole(AriaRole.Link, new() { Name = "Administrator" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Administrator");
        await Accessibility.AssertNoViolationsAsync(page);

        // The administrator adds a trust lead: a mistake first, then the person with their role and trust.
        await page.GotoAsync("/admin/users");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a person" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Add a person");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Trust programme lead").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the person" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter their full name");
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Select the trust this trust programme lead works for");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Full name").FillAsync("Sam Okafor");
        await page.GetByLabel("Email address").FillAsync("sam.okafor@rth.test");
        await page.GetByLabel("Trust", new() { Exact = true }).SelectOptionAsync("RTH");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the person" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sam Okafor");
        // Issue 13 §10: the confirmation says that the invitation was sent.
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Sam Okafor has been added. We have emailed an invitation to sam.okafor@rth.test");
        Assert.True(await page.GetByLabel("Trust programme lead").IsCheckedAsync());

        var about = await page.GotoAsync("/xapi/about");
        Assert.Contains("1.0.3", await about!.TextAsync());
        var jobs = await page.GotoAsync("/admin/jobs");
        Assert.Equal(200, jobs!.Status);

        foreach (var path in new[] { "/accessibility-statement", "/cookies", "/privacy", "/no-such-page" })
        {
            await page.GotoAsync(path);
            await Accessibility.AssertNoViolationsAsync(page);
        }

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/account/sign-in");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Email address").FillAsync("admin@north.test");
        await page.GetByLabel("Password").FillAsync("a-long-admin-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-header__account")).ToContainTextAsync("Administrator");
    }
}
