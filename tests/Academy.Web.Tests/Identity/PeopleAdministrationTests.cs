using System.Net;
using Academy.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Web.Tests.Identity;

/// Issue 13 §10: adding people, their invitation, changing their name or email address, disabling and enabling.
public sealed class PeopleAdministrationTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string Password = "a-long-enough-password";

    [Theory]
    [InlineData("name@nhs")]
    [InlineData("first last@nhs.net")]
    [InlineData("a@b")]
    [InlineData("name@@nhs.net")]
    [InlineData("name.@nhs.net")]
    [InlineData("name@nhs..net")]
    [InlineData("name@-nhs.net")]
    public async Task Post_NewUser_WithAMalformedEmail_ShowsTheFormatErrorAndCreatesNoAccount(string email)
    {
        var admin = await site.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, "/admin/users/new", new() { ["DisplayName"] = "Bad Address", ["Email"] = email, ["SelectedRoles"] = Roles.Learner });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "Email", "Enter an email address in the correct format, like name@nhs.net");
        Assert.Null(await FindAsync(email));
    }

    [Fact]
    public async Task Post_NewUser_WithNoRole_ShowsAnErrorBesideTheRolesAndCreatesNoAccount()
    {
        var admin = await site.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, "/admin/users/new", new() { ["DisplayName"] = "No Role", ["Email"] = "no.role@rth.test", ["TrustOdsCode"] = "" });

        await Html.AssertHasFieldErrorAsync(response, "SelectedRoles", "Select at least one role");
        Assert.Null(await FindAsync("no.role@rth.test"));
    }

    [Fact]
    public async Task Post_NewUser_WithErrors_ListsThemInTheOrderOfTheFields()
    {
        var admin = await site.SignInAsAdministratorAsync();

        var html = await (await Forms.PostAsync(admin, "/admin/users/new", new() { ["DisplayName"] = "", ["Email"] = "nope", ["TrustOdsCode"] = "XXX" })).Content.ReadAsStringAsync();

        var links = System.Text.RegularExpressions.Regex.Matches(html, "<li><a href=\"#([^\"]+)\">").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["DisplayName", "Email", "SelectedRoles", "TrustOdsCode"], links);
    }

    [Fact]
    public async Task Post_EditUser_WithNoRole_ShowsAnErrorAndKeepsTheRoles()
    {
        var id = await site.CreateUserAsync("keeps.roles@rth.test", [Roles.NationalReviewer]);
        var admin = await site.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, $"/admin/users/{id}", new() { ["TrustOdsCode"] = "" });

        await Html.AssertHasFieldErrorAsync(response, "SelectedRoles", "Select at least one role");
        Assert.Equal([Roles.NationalReviewer], await RolesAsync(id));
    }

    [Fact]
    public async Task Post_NewUser_ConfirmsTheInvitationWasSent_AndTheInvitationSaysCreateYourPasswordInTheSignInPagesWords()
    {
        var admin = await site.SignInAsAdministratorAsync();

        var added = await Forms.PostAsync(admin, "/admin/users/new", new() { ["DisplayName"] = "Ada Okafor", ["Email"] = "ada.okafor@rth.test", ["SelectedRoles"] = Roles.Learner });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var confirmation = Html.Text(await admin.GetStringAsync(added.Headers.Location!.OriginalString));
        Assert.Contains("Ada Okafor has been added. We have emailed an invitation to ada.okafor@rth.test with a link to create their password", confirmation);
        Assert.Contains("Invited: has not created a password yet", confirmation);
        var email = await site.WaitForEmailAsync("To: ada.okafor@rth.test");
        Assert.Contains("choose \"Forgotten your password?\" on the sign-in page", email);
        Assert.DoesNotContain("Forgot your password?", email);
        Assert.Contains("Forgotten your password?", await site.CreateAnonymousClient().GetStringAsync("/account/sign-in"));
        var link = new Uri(SignInTests.ResetLink().Match(email).Value);
        var page = Html.Text(await site.CreateAnonymousClient().GetStringAsync(link.PathAndQuery));
        Assert.Contains("Create your password", page);
        Assert.DoesNotContain("Choose a new password", page);
    }

    [Fact]
    public async Task Post_ResendInvitation_BeforeAPasswordIsCreated_EmailsANewLinkThatWorks()
    {
        var admin = await site.SignInAsAdministratorAsync();
        var added = await Forms.PostAsync(admin, "/admin/users/new", new() { ["DisplayName"] = "Sam Reid", ["Email"] = "sam.reid@rth.test", ["SelectedRoles"] = Roles.Learner });
        var userPage = added.Headers.Location!.OriginalString.Split('?')[0];
        await site.WaitForEmailAsync("To: sam.reid@rth.test");

        var resent = await Forms.PostAsync(admin, $"{userPage}?handler=Invite", [], pageUrl: userPage);

        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Contains("We have emailed the invitation again to sam.reid@rth.test", Html.Text(await admin.GetStringAsync(resent.Headers.Location!.OriginalString)));
        var emails = await EmailsToAsync("sam.reid@rth.test", 2);
        var link = new Uri(SignInTests.ResetLink().Matches(emails[1]).Single().Value);
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!;
        Assert.NotEqual(System.Web.HttpUtility.ParseQueryString(new Uri(SignInTests.ResetLink().Match(emails[0]).Value).Query)["token"], token);
        var created = await Forms.PostAsync(site.CreateAnonymousClient(), link.PathAndQuery, new() { ["Email"] = "sam.reid@rth.test", ["Token"] = token, ["Password"] = "sams-own-password", ["Invitation"] = "true" });
        Assert.Contains("Your password has been changed", await created.Content.ReadAsStringAsync());
        await site.SignInAsync("sam.reid@rth.test", "sams-own-password");
        Assert.DoesNotContain("Send the invitation again", await admin.GetStringAsync(userPage));
    }

    [Fact]
    public async Task Post_ResendInvitation_AfterThePasswordIsCreated_SaysWhyAndSendsNothing()
    {
        var id = await site.CreateUserAsync("has.password@rth.test", [Roles.Learner]);
        var admin = await site.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, $"/admin/users/{id}?handler=Invite", [], pageUrl: $"/admin/users/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This person has already created their password", Html.Text(await response.Content.ReadAsStringAsync()));
        Assert.DoesNotContain(site.PickedUpEmails(), e => e.Contains("To: has.password@rth.test", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_ChangeDetails_WithANewName_SavesItAndLeavesTheSessionsAlone()
    {
        var id = await site.CreateUserAsync("renamed@rth.test", [Roles.Learner], name: "Jo Smith");
        var person = await site.SignInAsync("renamed@rth.test", Password);
        var admin = await site.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, $"/admin/users/{id}/details", new() { ["DisplayName"] = "Jo Smith-Patel", ["Email"] = "renamed@rth.test" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("The name has been saved.", Html.Text(await admin.GetStringAsync(response.Headers.Location!.OriginalString)));
        Assert.Equal("Jo Smith-Patel", (await FindAsync("renamed@rth.test"))!.DisplayName);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/learning")).StatusCode);
    }

    /// Decision: the email address is the sign-in name. The new one replaces it, the password stays, every session
    /// ends, and both addresses are told.
    [Fact]
    public async Task Post_ChangeDetails_WithANewEmail_SignsInOnlyWithTheNewAddress_EndsEverySession_AndTellsBothAddresses()
    {
        var id = await site.CreateUserAsync("old.address@rth.test", [Roles.Learner], name: "Kim Lee");
        var person = await site.SignInAsync("old.address@rth.test", Password);
        var admin = await site.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, $"/admin/users/{id}/details", new() { ["DisplayName"] = "Kim Lee", ["Email"] = " new.address@rth.test " });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("The email address has been changed to new.address@rth.test", Html.Text(await admin.GetStringAsync(response.Headers.Location!.OriginalString)));
        var signedOut = await person.GetAsync("/learning");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/account/sign-in", signedOut.Headers.Location!.PathAndQuery);
        await site.SignInAsync("new.address@rth.test", Password);
        var old = await Forms.PostAsync(site.CreateAnonymousClient(), "/account/sign-in", new() { ["Input.Email"] = "old.address@rth.test", ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Contains("Sign in with it from now on; your password has not changed", await site.WaitForEmailAsync("To: new.address@rth.test"));
        Assert.Contains("from old.address@rth.test to new.address@rth.test", await site.WaitForEmailAsync("To: old.address@rth.test"));
    }

    [Fact]
    public async Task Post_ChangeDetails_ToAnAddressAnotherAccountUses_ShowsAnErrorAndChangesNothing()
    {
        await site.CreateUserAsync("already.used@rth.test", [Roles.Learner]);
        var id = await site.CreateUserAsync("wants.it@rth.test", [Roles.Learner]);
        var admin = await site.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, $"/admin/users/{id}/details", new() { ["DisplayName"] = "Wants It", ["Email"] = "Already.Used@rth.test" });

        await Html.AssertHasFieldErrorAsync(response, "Email", "Another account already uses this email address");
        Assert.Equal(id, (await FindAsync("wants.it@rth.test"))!.Id);
    }

    [Fact]
    public async Task Post_ChangeDetails_WithAMalformedEmailOrNoName_ShowsTheErrorsInFieldOrder()
    {
        var id = await site.CreateUserAsync("stays.put@rth.test", [Roles.Learner]);
        var admin = await site.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, $"/admin/users/{id}/details", new() { ["DisplayName"] = "", ["Email"] = "stays.put@rth" });

        await Html.AssertHasFieldErrorAsync(response, "DisplayName", "Enter their full name");
        await Html.AssertHasFieldErrorAsync(response, "Email", "Enter an email address in the correct format, like name@nhs.net");
        Assert.NotNull(await FindAsync("stays.put@rth.test"));
    }

    [Fact]
    public async Task Post_EnableAccount_AfterItWasDisabled_LetsThePersonSignInAgain()
    {
        var id = await site.CreateUserAsync("comes.back@rth.test", [Roles.Learner]);
        var admin = await site.SignInAsAdministratorAsync();
        await Forms.PostAsync(admin, $"/admin/users/{id}?handler=Disable", [], pageUrl: $"/admin/users/{id}");
        Assert.Contains("The account has been disabled", Html.Text(await admin.GetStringAsync($"/admin/users/{id}?done=Disabled")));

        var enabled = await Forms.PostAsync(admin, $"/admin/users/{id}?handler=Unlock", [], pageUrl: $"/admin/users/{id}");

        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Contains("The account has been enabled. The person can sign in again.", Html.Text(await admin.GetStringAsync(enabled.Headers.Location!.OriginalString)));
        await site.SignInAsync("comes.back@rth.test", Password);
    }

    [Theory]
    [InlineData(Roles.Learner)]
    [InlineData(Roles.Ccio)]
    [InlineData(Roles.TrustLead)]
    [InlineData(Roles.NationalReviewer)]
    [InlineData(Roles.Administrator)]
    public async Task Get_AnyPage_AsAnySignedInRole_LinksTheLessonsLibraryAndBlueprintsFromTheNavigation(string role)
    {
        var client = await site.SignInAsNewUserAsync($"nav-{role.ToLowerInvariant()}@rth.test", [role], "RTH");

        var html = await client.GetStringAsync("/learning");

        Assert.Contains("class=\"nhsuk-header__navigation-link\" href=\"/exemplars/lessons\"", html);
        Assert.Contains("class=\"nhsuk-header__navigation-link\" href=\"/exemplars/blueprints\"", html);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/exemplars/lessons")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/exemplars/blueprints")).StatusCode);
    }

    private Task<AcademyUser?> FindAsync(string email) => site.WithServicesAsync(sp => sp.GetRequiredService<UserManager<AcademyUser>>().FindByEmailAsync(email));

    private Task<IList<string>> RolesAsync(string id) => site.WithServicesAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AcademyUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(id))!);
    });

    /// The emails to one address, oldest first, once there are as many as expected (the outbox sends them in the background).
    private async Task<IReadOnlyList<string>> EmailsToAsync(string address, int count)
    {
        for (var i = 0; i < 300; i++)
        {
            var files = Directory.Exists(site.MailPickupFolder) ? new DirectoryInfo(site.MailPickupFolder).GetFiles("*.eml") : [];
            var emails = files.OrderBy(f => f.CreationTimeUtc).ThenBy(f => f.Name).Select(f => File.ReadAllText(f.FullName))
                .Where(e => e.Contains($"To: {address}", StringComparison.Ordinal)).ToList();
            if (emails.Count >= count) return emails;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Fewer than {count} emails to {address} arrived");
    }
}
