using Academy.Exemplars.Data;
using Academy.Exemplars.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Academy.Exemplars.Tests.Browser;

/// The real site on Kestrel (127.0.0.1) and Debian's Chromium, with one person of each kind the journeys need.
public sealed class BrowserSite : IAsyncLifetime
{
    public const string Trust = "RRK";
    public const string Password = "a-long-enough-password";
    public AcademySite Site { get; } = AcademySite.Create(kestrel: true);
    public Academy.Testing.Browser Browser { get; } = new();
    public string LeadEmail { get; } = Arrange.NewEmail("lead-rrk");
    public string ReviewerEmail { get; } = Arrange.NewEmail("reviewer");
    public Uri Address { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Address = Site.ServerAddress;
        await Browser.InitializeAsync();
        await Site.CreateUserAsync(LeadEmail, [Roles.TrustLead], Trust);
        await Site.CreateUserAsync(ReviewerEmail, [Roles.NationalReviewer]);
    }

    public async Task<IPage> SignedInPageAsync(string email, string password = Password)
    {
        var page = await Browser.NewPageAsync(Address);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        return page;
    }

    public Task<int> ParticipationIdAsync() => Arrange.ParticipationIdAsync(Site, Trust);

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Site.DisposeAsync();
    }
}
