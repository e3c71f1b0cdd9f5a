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
}
