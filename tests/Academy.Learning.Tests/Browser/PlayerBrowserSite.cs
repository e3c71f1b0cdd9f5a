using Academy.Learning.Courses;
using Academy.Learning.Tests.Support;
using Microsoft.Playwright;

namespace Academy.Learning.Tests.Browser;

/// The real site on Kestrel with the starter course (Digital foundations for NHS staff) and Debian's Chromium.
public sealed class PlayerBrowserSite : IAsyncLifetime
{
    public const string StarterCourse = "digital-foundations";
    public PlayerSite Site { get; } = PlayerSite.OnKestrel();
    public Academy.Testing.Browser Browser { get; } = new();
    public Uri Address { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Address = Site.ServerAddress;
        await Browser.InitializeAsync();
    }

    public Task<Course> StarterAsync() => Arrange.CourseAsync(Site, StarterCourse);

    /// A new learner, signed in through the sign-in page of a browser with or without JavaScript.
    public async Task<(IPage Page, string UserId)> SignedInLearnerAsync(bool javaScript)
    {
        var email = Arrange.NewEmail("learner");
        var userId = await Site.CreateUserAsync(email, [Roles.Learner]);
        var page = await Browser.NewPageAsync(Address, javaScript);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", PlayerSite.Password);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        return (page, userId);
    }

    /// Waits until a function in the page returns true. Not Playwright's WaitForFunctionAsync: it evaluates a
    /// string, which the site's content security policy (no 'unsafe-eval') rightly refuses.
    public static async Task WaitUntilAsync(IPage page, string function)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await page.EvaluateAsync<bool>(function)) return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"The page never made {function} true.");
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Site.DisposeAsync();
    }
}
