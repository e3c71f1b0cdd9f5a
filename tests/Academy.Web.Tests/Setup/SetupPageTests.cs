using System.Net;
using Academy.Modules;
using Academy.Web.Tests.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Web.Tests.Setup;

public sealed class SetupPageTests : IAsyncLifetime
{
    private readonly AcademySite site = AcademySite.Create(setUp: false);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task Get_AnyPage_OnAFreshSite_RedirectsToSetup()
    {
        var client = site.CreateAnonymousClient();

        var response = await client.GetAsync("/exemplars");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Post_Setup_WithMissingFields_ShowsAnErrorBesideEachField()
    {
        var client = site.CreateAnonymousClient();

        var response = await Forms.PostAsync(client, "/setup", new()
        {
            ["Input.SiteName"] = "", ["Input.AdminEmail"] = "not-an-email", ["Input.AdminPassword"] = "short", ["Input.ConfirmPassword"] = "different",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "Input_SiteName", "Enter a site name");
        await Html.AssertHasFieldErrorAsync(response, "Input_AdminEmail", "Enter an email address in the correct format, like name@nhs.net");
        await Html.AssertHasFieldErrorAsync(response, "Input_AdminPassword", "Password must be at least 12 characters long");
        Assert.Null(await site.WithServicesAsync(sp => sp.GetRequiredService<ISiteSettingsStore>().GetAsync()));
    }

    /// Issue 14 §3: the page checks with its validator; each field's problem beside it, the summary in page order, 200.
    [Fact]
    public async Task Post_Setup_WithNothingFilledIn_ListsEachFieldsErrorInPageOrderWith200()
    {
        var response = await Forms.PostAsync(site.CreateAnonymousClient(), "/setup", new()
        {
            ["Input.SiteName"] = "", ["Input.AdminEmail"] = "", ["Input.AdminPassword"] = "", ["Input.ConfirmPassword"] = "", ["Input.Recipe"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["#Input_SiteName", "#Input_AdminEmail", "#Input_AdminPassword", "#Input_ConfirmPassword"],
            IdentityFormErrorsTests.SummaryLinks(await response.Content.ReadAsStringAsync()));
        await Html.AssertHasFieldErrorAsync(response, "Input_SiteName", "Enter a site name");
        await Html.AssertHasFieldErrorAsync(response, "Input_AdminEmail", "Enter the administrator's email address");
        await Html.AssertHasFieldErrorAsync(response, "Input_AdminPassword", "Enter a password");
        await Html.AssertHasFieldErrorAsync(response, "Input_ConfirmPassword", "Confirm the password");
        Assert.Null(await site.WithServicesAsync(sp => sp.GetRequiredService<ISiteSettingsStore>().GetAsync()));
    }

    [Fact]
    public async Task Post_Setup_WithATooLongNamePasswordsThatDifferAndAnUnknownRecipe_ListsThemInPageOrderWith200()
    {
        var response = await Forms.PostAsync(site.CreateAnonymousClient(), "/setup", new()
        {
            ["Input.SiteName"] = new string('s', 201), ["Input.AdminEmail"] = "cio@wessex.test",
            ["Input.AdminPassword"] = "a-very-long-password", ["Input.ConfirmPassword"] = "a-very-long-passwork", ["Input.Recipe"] = "no-such-recipe",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["#Input_SiteName", "#Input_ConfirmPassword", "#Input_Recipe"], IdentityFormErrorsTests.SummaryLinks(await response.Content.ReadAsStringAsync()));
        await Html.AssertHasFieldErrorAsync(response, "Input_SiteName", "Site name must be 200 characters or fewer");
        await Html.AssertHasFieldErrorAsync(response, "Input_ConfirmPassword", "Passwords must match");
        await Html.AssertHasFieldErrorAsync(response, "Input_Recipe", "Select starter content from the list");
        Assert.Null(await site.WithServicesAsync(sp => sp.GetRequiredService<ISiteSettingsStore>().GetAsync()));
    }

    /// Setup has always taken any address with one @: an install on a private network names its administrator
    /// ops@localhost, which the staff format (a top-level domain) would refuse.
    [Fact]
    public async Task Post_Setup_WithAnAddressWithoutATopLevelDomain_SetsUpAndTheAdministratorCanSignIn()
    {
        var response = await Forms.PostAsync(site.CreateAnonymousClient(), "/setup", new()
        {
            ["Input.SiteName"] = "Private Academy", ["Input.AdminEmail"] = "ops@localhost",
            ["Input.AdminPassword"] = "a-very-long-password", ["Input.ConfirmPassword"] = "a-very-long-password", ["Input.Recipe"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var admin = await site.SignInAsync("ops@localhost", "a-very-long-password");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task Post_Setup_WithStarterContent_CreatesTheAdministratorLoadsTheTrustsAndRetiresTheSetupPage()
    {
        var client = site.CreateAnonymousClient();

        var response = await Forms.PostAsync(client, "/setup", new()
        {
            ["Input.SiteName"] = "Wessex Digital Academy", ["Input.AdminEmail"] = "cio@wessex.test",
            ["Input.AdminPassword"] = "a-very-long-password", ["Input.ConfirmPassword"] = "a-very-long-password", ["Input.Recipe"] = "starter",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await (await client.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Contains("Wessex Digital Academy", home);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup")).StatusCode);
        var trusts = await site.WithServicesAsync(sp => sp.GetRequiredService<ITrustDirectory>().ListAsync());
        Assert.Equal(12, trusts.Count);
        Assert.Contains(trusts, t => t.OdsCode == "RTH" && t.Name == "Oxford University Hospitals NHS Foundation Trust");
        var exemplars = await (await client.GetAsync("/exemplars")).Content.ReadAsStringAsync();
        Assert.Contains("Royal Free London NHS Foundation Trust", exemplars);
    }
}
