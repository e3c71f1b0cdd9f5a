using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace Academy.Testing;

/// Debian's Chromium driven by Playwright (never `playwright install`: see shared/STACK.md).
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? playwright;
    public IBrowser Chromium { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        var executable = File.Exists("/usr/lib/chromium/chromium") ? "/usr/lib/chromium/chromium" : "/usr/bin/chromium";
        Chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// A fresh browser context (its own cookies) that only talks to the site under test:
    /// requests to other hosts (the NHS font host, for one) are aborted, as this network cannot reach them.
    /// javaScript: false browses as a person whose browser runs no scripts (progressive enhancement).
    /// alsoHosts: other host names of the same server the page may reach (package content on a host of its own).
    public async Task<IPage> NewPageAsync(Uri site, bool javaScript = true, IReadOnlyCollection<string>? alsoHosts = null)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.ToString(), JavaScriptEnabled = javaScript });
        await context.RouteAsync("**/*", route =>
            new Uri(route.Request.Url).Host is var host && (host == site.Host || alsoHosts?.Contains(host) == true) ? route.ContinueAsync() : route.AbortAsync());
        return await context.NewPageAsync();
    }

    /// A fresh page signed in as the person through the real sign-in page.
    public async Task<IPage> SignedInPageAsync(Uri site, string email, string password)
    {
        var page = await NewPageAsync(site);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null) await Chromium.DisposeAsync();
        playwright?.Dispose();
    }
}

public static class Accessibility
{
    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    /// Scans the page as it is now with axe-core and fails on any WCAG 2.2 A/AA violation.
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag22AA);
        var report = string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n" + string.Join("\n", v.Nodes.Select(n => $"    {n.Target} {n.Html}"))));
        Assert.True(result.Violations.Length == 0, $"axe found {result.Violations.Length} violation(s) on {page.Url}:\n{report}");
    }

    /// The same scan for a page of a browser that runs no scripts, where axe-core itself cannot run (evaluating it
    /// there never returns): the page's markup as it stands is opened at the same address in a scripted context of
    /// the same browser, with the site's styles, and scanned there. The site's own scripts are left out of the copy
    /// so that what is scanned is what the person without JavaScript sees.
    public static async Task AssertNoViolationsWithoutScriptAsync(IPage page)
    {
        var html = System.Text.RegularExpressions.Regex.Replace(await page.ContentAsync(), "<script\\b[^>]*>.*?</script>", "",
            System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        var url = page.Url;
        await using var context = await page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = true });
        var origin = new Uri(url).GetLeftPart(UriPartial.Authority);
        await context.RouteAsync("**/*", route =>
            route.Request.Url == url ? route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html })
            : route.Request.Url.StartsWith(origin, StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
        var copy = await context.NewPageAsync();
        await copy.GotoAsync(url);
        await AssertNoViolationsAsync(copy);
    }
}

public static class Navigation
{
    /// Follows a link of the header's menu as a person would: when the design system's header has moved it under
    /// "More" (there are more items than fit the width), opens "More" first.
    public static async Task FollowAsync(IPage page, string link)
    {
        var menu = page.Locator(".nhsuk-header__navigation");
        var item = menu.GetByRole(AriaRole.Link, new() { Name = link, Exact = true });
        if (!await item.IsVisibleAsync()) await menu.Locator(".nhsuk-header__menu-toggle").ClickAsync();
        await item.ClickAsync();
    }
}
