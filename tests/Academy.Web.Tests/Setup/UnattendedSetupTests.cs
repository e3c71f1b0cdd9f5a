using System.Net;

namespace Academy.Web.Tests.Setup;

public sealed class UnattendedSetupTests(AcademySite site) : IClassFixture<AcademySite>
{
    [Fact]
    public async Task Start_WithSetupSettings_SetsUpTheSiteWithoutThePage()
    {
        var client = await site.SignInAsAdministratorAsync();

        var users = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup")).StatusCode);
    }

    [Fact]
    public async Task Start_Again_OnTheSameDataFolder_LeavesTheSetUpSiteAlone()
    {
        _ = site.Services; // the first site has started and set itself up
        await using var restarted = AcademySite.Create(site.DataFolder, new Dictionary<string, string?> { ["Academy:Setup:SiteName"] = "Another name" });

        var home = await restarted.CreateAnonymousClient().GetStringAsync("/");

        Assert.Contains("Test Academy", home);
        Assert.DoesNotContain("Another name", home);
    }
}
