using System.Net;
using Academy.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Web.Tests.Identity;

public sealed class UserAdministrationTests(AcademySite site) : IClassFixture<AcademySite>
{
    [Fact]
    public async Task Get_Users_AsAnAdministrator_FindsPeopleByName()
    {
        await site.CreateUserAsync("jo.bloggs@rth.test", [Roles.Learner], name: "Jo Bloggs");
        var admin = await site.SignInAsAdministratorAsync();

        var html = await admin.GetStringAsync("/admin/users?q=bloggs");

        Assert.Contains("Jo Bloggs", html);
        Assert.DoesNotContain("admin@academy.test</td>", html);
    }

    [Theory]
    [InlineData(Roles.Learner)]
    [InlineData(Roles.TrustLead)]
    [InlineData(Roles.NationalReviewer)]
    [InlineData(Roles.Ccio)]
    public async Task Get_Users_WithoutTheAdministratorRole_IsForbidden(string role)
    {
        var client = await site.SignInAsNewUserAsync($"not-admin-{role}@trust.test", [role], "RTH");

        var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Get_JobsDashboard_IsForAdministratorsOnly()
    {
        var admin = await site.SignInAsAdministratorAsync();
        var reviewer = await site.SignInAsNewUserAsync("reviewer.jobs@england.test", [Roles.NationalReviewer]);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/jobs")).StatusCode);
        Assert.StartsWith("/account/access-denied", (await reviewer.GetAsync("/admin/jobs")).Headers.Location!.PathAndQuery);
        Assert.StartsWith("/account/sign-in", (await site.CreateAnonymousClient().GetAsync("/admin/jobs")).Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Get_Users_Anonymously_AsksToSignIn()
    {
        var response = await site.CreateAnonymousClient().GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Post_EditUser_SetsRolesAndTrust()
    {
        var id = await site.CreateUserAsync("new.lead@rth.test", [Roles.Learner]);
        var admin = await site.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, $"/admin/users/{id}", new()
        {
            ["SelectedRoles"] = Roles.TrustLead, ["TrustOdsCode"] = "RTH",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (roles, trust) = await site.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AcademyUser>>();
            var user = await users.FindByIdAsync(id);
            return (await users.GetRolesAsync(user!), user!.TrustOdsCode);
        });
        Assert.Equal([Roles.TrustLead], roles);
        Assert.Equal("RTH", trust);
    }

    [Fact]
    public async Task Post_EditUser_TrustLeadWithoutATrust_ShowsAnErrorAndChangesNothing()
    {
        var id = await site.CreateUserAsync("lead.without.trust@rth.test", [Roles.Learner]);
        var admin = await site.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, $"/admin/users/{id}", new() { ["SelectedRoles"] = Roles.TrustLead, ["TrustOdsCode"] = "" });

        await Html.AssertHasFieldErrorAsync(response, "TrustOdsCode", "Select the trust this trust programme lead works for");
        var roles = await site.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AcademyUser>>();
            return await users.GetRolesAsync((await users.FindByIdAsync(id))!);
        });
        Assert.Equal([Roles.Learner], roles);
    }

    [Fact]
    public async Task Post_EditUser_WithATrustThatDoesNotExist_IsRefused()
    {
        var id = await site.CreateUserAsync("made.up.trust@rth.test", [Roles.Learner]);
        var admin = await site.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, $"/admin/users/{id}", new() { ["SelectedRoles"] = Roles.Learner, ["TrustOdsCode"] = "XXX" });

        await Html.AssertHasFieldErrorAsync(response, "TrustOdsCode", "Select a trust from the list");
    }

    [Fact]
    public async Task Post_EditUser_WithoutTheAntiForgeryToken_IsRejected()
    {
        var id = await site.CreateUserAsync("csrf.target@rth.test", [Roles.Learner]);
        var admin = await site.SignInAsAdministratorAsync();

        var response = await admin.PostAsync($"/admin/users/{id}", new FormUrlEncodedContent([new("SelectedRoles", Roles.Administrator)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_NewUser_CreatesTheAccountWithItsRolesAndTrust_AndTheEmailedLinkLetsThePersonChooseAPassword()
    {
        var admin = await site.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, "/admin/users/new", new()
        {
            ["DisplayName"] = "Priya Shah", ["Email"] = "priya.shah@rth.test", ["SelectedRoles"] = Roles.TrustLead, ["TrustOdsCode"] = "RTH",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/users/", response.Headers.Location!.OriginalString);
        var (roles, trust, name) = await site.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AcademyUser>>();
            var user = (await users.FindByEmailAsync("priya.shah@rth.test"))!;
            return (await users.GetRolesAsync(user), user.TrustOdsCode, user.DisplayName);
        });
        Assert.Equal([Roles.TrustLead], roles);
        Assert.Equal("RTH", trust);
        Assert.Equal("Priya Shah", name);

        var email = await site.WaitForEmailAsync("To: priya.shah@rth.test");
        Assert.Contains("You have an Academy account", email);
        var link = new Uri(SignInTests.ResetLink().Match(email).Value);
        var client = site.CreateAnonymousClient();
        var chosen = await Forms.PostAsync(client, link.PathAndQuery, new()
        {
            ["Email"] = "priya.shah@rth.test", ["Token"] = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!, ["Password"] = "priyas-own-password",
        });
        Assert.Contains("Your password has been changed", await chosen.Content.ReadAsStringAsync());
        await site.SignInAsync("priya.shah@rth.test", "priyas-own-password");
    }

    [Fact]
    public async Task Post_NewUser_WithAnEmailAlreadyInUse_ShowsAnErrorBesideTheEmail()
    {
        await site.CreateUserAsync("taken@rth.test", [Roles.Learner]);
        var admin = await site.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, "/admin/users/new", new() { ["DisplayName"] = "Someone Else", ["Email"] = "taken@rth.test", ["SelectedRoles"] = Roles.Learner });

        await Html.AssertHasFieldErrorAsync(response, "Email", "An account already uses this email address: find it in the list of users to change it");
    }

    [Fact]
    public async Task Post_NewUser_TrustLeadWithoutATrustOrName_ShowsTheErrorsAndCreatesNoAccount()
    {
        var admin = await site.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, "/admin/users/new", new() { ["DisplayName"] = "", ["Email"] = "no.trust@rth.test", ["SelectedRoles"] = Roles.TrustLead, ["TrustOdsCode"] = "" });

        await Html.AssertHasFieldErrorAsync(response, "DisplayName", "Enter their full name");
        await Html.AssertHasFieldErrorAsync(response, "TrustOdsCode", "Select the trust this trust programme lead works for");
        Assert.Null(await site.WithServicesAsync(sp => sp.GetRequiredService<UserManager<AcademyUser>>().FindByEmailAsync("no.trust@rth.test")));
        Assert.DoesNotContain(site.PickedUpEmails(), e => e.Contains("To: no.trust@rth.test", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Roles.TrustLead)]
    [InlineData(Roles.NationalReviewer)]
    public async Task Post_NewUser_WithoutTheAdministratorRole_IsForbiddenAndCreatesNoAccount(string role)
    {
        var client = await site.SignInAsNewUserAsync($"would-be-admin-{role}@trust.test", [role], "RTH");

        var response = await Forms.PostAsync(client, "/admin/users/new", new() { ["DisplayName"] = "Made Up", ["Email"] = $"made.up.{role}@rth.test", ["SelectedRoles"] = Roles.Administrator },
            pageUrl: "/exemplars");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
        Assert.Null(await site.WithServicesAsync(sp => sp.GetRequiredService<UserManager<AcademyUser>>().FindByEmailAsync($"made.up.{role}@rth.test")));
    }
}
