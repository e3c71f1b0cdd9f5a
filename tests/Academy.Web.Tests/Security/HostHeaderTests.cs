using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;

namespace Academy.Web.Tests.Security;

/// Issue 8, point 1: a request's Host header never chooses where the links in an email point. The site here believes
/// any Host (AllowedHosts "*", as behind a proxy that passes it on), so only the link service stands between an
/// attacker's header and a reset token.
public sealed partial class HostHeaderTests(HostHeaderTests.ForeignHostSite site) : IClassFixture<HostHeaderTests.ForeignHostSite>
{
    public const string PublicUrl = "https://academy.example.nhs.uk";
    // https: the site's cookies are Secure because its public address is https, so a plain-http client would lose them.
    private static readonly Uri Evil = new("https://evil.example");

    public sealed class ForeignHostSite() : AcademySite(dataFolder: null, new Dictionary<string, string?>
    {
        ["Academy:PublicUrl"] = PublicUrl + "/", ["AllowedHosts"] = "*",
    });

    [Fact]
    public async Task ForgotPassword_WithAnAttackersHostHeader_EmailsAResetLinkOnThePublicUrl()
    {
        await site.CreateUserAsync("host.victim@trust.test", [Roles.Administrator]);

        var sent = await Forms.PostAsync(site.CreateAnonymousClient(Evil), "/account/forgot-password", new() { ["Email"] = "host.victim@trust.test" });

        Assert.Contains("Check your email", await sent.Content.ReadAsStringAsync());
        var email = Unfold(await site.WaitForEmailAsync("To: host.victim@trust.test"));
        Assert.Matches($@"{Regex.Escape(PublicUrl)}/account/reset-password\?email=host\.victim%40trust\.test&token=", email);
        Assert.DoesNotContain("evil.example", email);
    }

    [Fact]
    public async Task NewUser_WithAnAttackersHostHeader_EmailsTheInvitationLinkOnThePublicUrl()
    {
        var admin = await site.SignInAsync(AcademySite.AdminEmail, AcademySite.AdminPassword, Evil);

        var response = await Forms.PostAsync(admin, "/admin/users/new", new()
        {
            ["DisplayName"] = "Host Invitee", ["Email"] = "host.invitee@trust.test", ["SelectedRoles"] = Roles.Learner, ["TrustOdsCode"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var email = Unfold(await site.WaitForEmailAsync("To: host.invitee@trust.test"));
        Assert.Contains($"{PublicUrl}/account/reset-password?email=host.invitee%40trust.test&token=", email);
        Assert.DoesNotContain("evil.example", email);
    }

    /// Long lines arrive quoted-printable, with soft line breaks and "=" written as "=3D".
    private static string Unfold(string email) => email.Replace("=\r\n", "").Replace("=\n", "").Replace("=3D", "=");
}

/// Host filtering and the unset public address: a Host other than the site's own is refused, and outside Development
/// the site does not start without Academy:PublicUrl.
public sealed class PublicUrlTests
{
    [Fact]
    public async Task Get_WithAHostOtherThanThePublicUrls_IsRefused()
    {
        await using var site = AcademySite.Create(overrides: new Dictionary<string, string?> { ["Academy:PublicUrl"] = "https://academy.example.nhs.uk/" });

        var foreign = await site.CreateAnonymousClient(new Uri("http://evil.example")).GetAsync("/account/sign-in");
        var own = await site.CreateAnonymousClient(new Uri("https://academy.example.nhs.uk")).GetAsync("/account/sign-in");

        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Start_InProductionWithoutAPublicUrl_RefusesAndSaysWhichSettingToSet()
    {
        await using var site = AcademySite.Create(setUp: false);
        using var production = site.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));

        var failure = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("Set Academy:PublicUrl", Flatten(failure));
    }

    [Fact]
    public async Task ForgotPassword_InDevelopmentWithoutAPublicUrl_LinksToTheAddressTheSiteListensOn()
    {
        await using var site = AcademySite.Create(kestrel: true);
        await site.CreateUserAsync("listening@trust.test", [Roles.Learner]);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = site.ServerAddress };

        await Forms.PostAsync(client, "/account/forgot-password", new() { ["Email"] = "listening@trust.test" });

        var email = (await site.WaitForEmailAsync("To: listening@trust.test")).Replace("=\r\n", "").Replace("=\n", "");
        Assert.Contains($"http://127.0.0.1:{site.ServerAddress.Port}/account/reset-password?", email);
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}
