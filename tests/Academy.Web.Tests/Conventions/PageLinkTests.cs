using System.Text.RegularExpressions;
using Academy.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Web.Tests.Conventions;

/// Issue 14 §3: the menu names pages and policies, and email links come from page names on the public address.
/// These pin that the generated addresses are the ones the site always had.
public sealed partial class PageLinkTests(PageLinkTests.PublicSite site) : IClassFixture<PageLinkTests.PublicSite>
{
    public const string PublicUrl = "https://academy.example.nhs.uk/";

    public sealed class PublicSite() : AcademySite(dataFolder: null, new Dictionary<string, string?> { ["Academy:PublicUrl"] = PublicUrl });

    [Fact]
    public void ToPage_BuildsThePagesRouteOnThePublicUrl()
    {
        var links = site.Services.GetRequiredService<ISiteLinks>();

        Assert.Equal(PublicUrl + "exemplars/returns/5/review", links.ToPage("/Returns/Review", "Exemplars", new { id = 5 }));
        Assert.Equal(PublicUrl + "exemplars/trusts/RGT", links.ToPage("/Trusts/Trust", "Exemplars", new { odsCode = "RGT" }));
        Assert.Equal(PublicUrl + "learning", links.ToPage("/Index", "Learning"));
        Assert.Equal(PublicUrl + "account/reset-password?token=abc&invitation=true",
            links.ToPage("/Account/ResetPassword", "Identity", new { token = "abc", invitation = "true" }));
    }

    [Fact]
    public void ToPage_WithAPageThatDoesNotExist_Throws()
    {
        var links = site.Services.GetRequiredService<ISiteLinks>();

        Assert.Throws<InvalidOperationException>(() => links.ToPage("/No/Such/Page", "Exemplars"));
    }

    [Fact]
    public void ReturnItemPages_LinkToTheItemRouteWithAnItemId_AndToNewWithout()
    {
        var links = site.Services.GetRequiredService<LinkGenerator>();

        Assert.Equal("/exemplars/returns/5/risks/3", links.GetPathByPage("/Returns/Risk", values: new { area = "Exemplars", id = 5, itemId = 3 }));
        Assert.Equal("/exemplars/returns/5/risks/new", links.GetPathByPage("/Returns/Risk", values: new { area = "Exemplars", id = 5 }));
        Assert.Equal("/exemplars/returns/5/milestone-updates/3", links.GetPathByPage("/Returns/MilestoneUpdate", values: new { area = "Exemplars", id = 5, itemId = 3 }));
        Assert.Equal("/exemplars/returns/5/measurements/new", links.GetPathByPage("/Returns/Measurement", values: new { area = "Exemplars", id = 5 }));
    }

    [Fact]
    public async Task Header_ForAnAdministrator_ShowsTheirEntriesAndMarksOneCurrent()
    {
        var admin = await site.SignInAsAdministratorAsync();

        var html = await (await admin.GetAsync("/learning/courses")).Content.ReadAsStringAsync();

        var entries = NavigationLinks().Matches(html).Select(m => (Href: m.Groups["href"].Value, Text: m.Groups["text"].Value)).ToList();
        Assert.Contains(("/admin/users", "Users"), entries);
        Assert.Contains(("/learning/manage/courses", "Manage courses"), entries);
        Assert.Contains(("/exemplars/returns/to-review", "Returns to review"), entries);
        Assert.Contains(("/admin/xapi/credentials", "LRS credentials"), entries);
        Assert.Single(Regex.Matches(html, "nhsuk-header__navigation-item--current"));
        Assert.Contains("<a class=\"nhsuk-header__navigation-link\" href=\"/learning/courses\" aria-current=\"page\">Find a course</a>", html);
    }

    [Fact]
    public async Task Header_ForALearner_LeavesOutWhatTheirPoliciesRefuse()
    {
        var learner = await site.SignInAsNewUserAsync("nav.learner@trust.test", [Roles.Learner]);

        var html = await (await learner.GetAsync("/learning")).Content.ReadAsStringAsync();
        var home = await (await learner.GetAsync("/")).Content.ReadAsStringAsync();

        var entries = NavigationLinks().Matches(html).Select(m => m.Groups["href"].Value).ToList();
        Assert.Equal(["/learning", "/learning/courses", "/learning/self-assessment", "/exemplars/lessons", "/exemplars/blueprints"], entries);
        Assert.Contains("<a class=\"nhsuk-card__link\" href=\"/learning/courses\">Find a course</a>", home);
        Assert.DoesNotContain("href=\"/admin/users\"", home);
        Assert.DoesNotContain("href=\"/learning/cohorts\"", home);
    }

    [GeneratedRegex("<a class=\"nhsuk-header__navigation-link\" href=\"(?<href>[^\"]*)\"[^>]*>(?<text>[^<]*)</a>")]
    private static partial Regex NavigationLinks();
}
