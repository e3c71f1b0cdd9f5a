using System.Net;
using System.Text.RegularExpressions;
using Academy.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Web.Tests.Identity;

/// Issue 14 §3: the Identity forms check their fields with a validator each, shown again through FormErrorsFilter: the
/// error beside the field, the summary in the order of the fields, the status each page's tests pinned (200 for
/// sign-in, reset link and add a person; 400 for the others), and nothing changed. Registration is in RegistrationTests.
public sealed partial class IdentityFormErrorsTests(AcademySite site) : IClassFixture<AcademySite>
{
    [Fact]
    public async Task Post_SignIn_WithAMalformedEmailAndNoPassword_ShowsBothErrorsInFieldOrderWith200()
    {
        var response = await Forms.PostAsync(site.CreateAnonymousClient(), "/account/sign-in", new() { ["Input.Email"] = "nope", ["Input.Password"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["#Input_Email", "#Input_Password"], SummaryLinks(await response.Content.ReadAsStringAsync()));
        await Html.AssertHasFieldErrorAsync(response, "Input_Email", "Enter an email address in the correct format, like name@nhs.net");
        await Html.AssertHasFieldErrorAsync(response, "Input_Password", "Enter your password");
    }

    /// Sign-in looks up an address an account already has, and setup accepts any address with one @ (no top-level
    /// domain needed): the stricter staff format, which the forms that give an address use, would lock that account out.
    [Fact]
    public async Task Post_SignIn_WithAnAddressSetupAcceptsButTheStaffFormatDoesNot_SignsIn()
    {
        await site.CreateUserAsync("ops@localhost", [Roles.Learner]);

        var client = await site.SignInAsync("ops@localhost", "a-long-enough-password");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/learning")).StatusCode);
    }

    [Theory]
    [InlineData("", "Enter your email address")]
    [InlineData("name.without.an.at.nhs.net", "Enter an email address in the correct format, like name@nhs.net")]
    [InlineData("LONG", "Email address must be 256 characters or fewer")]
    public async Task Post_ForgotPassword_WithABadEmail_ShowsTheErrorBesideTheFieldWith200InsteadOfCheckYourEmail(string email, string message)
    {
        if (email == "LONG") email = new string('a', 250) + "@trust.test";
        var response = await Forms.PostAsync(site.CreateAnonymousClient(), "/account/forgot-password", new() { ["Email"] = email });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["#Email"], SummaryLinks(await response.Content.ReadAsStringAsync()));
        await Html.AssertHasFieldErrorAsync(response, "Email", message);
        Assert.DoesNotContain("Check your email", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_ResetPassword_WithAShortPassword_ShowsTheErrorWith400AndKeepsTheOldPassword()
    {
        await site.CreateUserAsync("short.password@trust.test", [Roles.Learner]);
        var response = await Forms.PostAsync(site.CreateAnonymousClient(), "/account/reset-password", new()
        {
            ["Email"] = "short.password@trust.test", ["Token"] = await ResetTokenAsync("short.password@trust.test"), ["Password"] = "too-short",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["#Password"], SummaryLinks(await response.Content.ReadAsStringAsync()));
        await Html.AssertHasFieldErrorAsync(response, "Password", "Password must be at least 12 characters long");
        await site.SignInAsync("short.password@trust.test", "a-long-enough-password");
    }

    /// A link cut short (by a mail client, or pasted in part) posts the form without its hidden email or token: the
    /// page says what it says for a used link, beside the password, never an error linking to a hidden input. The token
    /// posted without the email is a real one, so only the missing field stops the reset.
    [Theory]
    [InlineData("Token", null)]
    [InlineData("Token", "")]
    [InlineData("Email", null)]
    [InlineData("Email", "")]
    public async Task Post_ResetPassword_WithoutTheLinksEmailOrToken_SaysTheLinkHasExpiredWith400AndKeepsTheOldPassword(string field, string? value)
    {
        var email = $"cut.link.{field.ToLowerInvariant()}.{(value is null ? "missing" : "empty")}@trust.test";
        await site.CreateUserAsync(email, [Roles.Learner]);
        var fields = new Dictionary<string, string> { ["Email"] = email, ["Token"] = await ResetTokenAsync(email), ["Password"] = "a-brand-new-password" };
        if (value is null) fields.Remove(field); else fields[field] = value;

        var response = await Forms.PostAsync(site.CreateAnonymousClient(), "/account/reset-password", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["#Password"], SummaryLinks(await response.Content.ReadAsStringAsync()));
        await Html.AssertHasFieldErrorAsync(response, "Password", "This reset link has expired or has already been used. Ask for a new link from the sign-in page");
        await site.SignInAsync(email, "a-long-enough-password");
    }

    [Fact]
    public async Task Post_ResetPassword_FromAnInvitationWithoutItsToken_SaysTheInvitationLinkHasExpiredWith400()
    {
        var response = await Forms.PostAsync(site.CreateAnonymousClient(), "/account/reset-password",
            new() { ["Email"] = "invited.cut.link@trust.test", ["Invitation"] = "true", ["Password"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["#Password"], SummaryLinks(await response.Content.ReadAsStringAsync()));
        await Html.AssertHasFieldErrorAsync(response, "Password",
            "This link has expired or has already been used. Choose \"Forgotten your password?\" on the sign-in page for a new one");
    }

    /// The address is checked against the other accounts even when the name has a problem too: both are shown at once.
    [Fact]
    public async Task Post_NewUser_WithATooLongNameAndAnAddressInUse_ListsBothInFieldOrderWith200()
    {
        await site.CreateUserAsync("in.use@rth.test", [Roles.Learner]);
        var admin = await site.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, "/admin/users/new", new() { ["DisplayName"] = new string('n', 201), ["Email"] = "In.Use@rth.test", ["SelectedRoles"] = Roles.Learner });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["#DisplayName", "#Email"], SummaryLinks(await response.Content.ReadAsStringAsync()));
        await Html.AssertHasFieldErrorAsync(response, "DisplayName", "Full name must be 200 characters or fewer");
        await Html.AssertHasFieldErrorAsync(response, "Email", "An account already uses this email address: find it in the list of users to change it");
    }

    [Fact]
    public async Task Post_ChangeDetails_WithATooLongNameAndAnAddressAnotherAccountUses_ListsBothInFieldOrderWith400AndChangesNothing()
    {
        await site.CreateUserAsync("someone.else@rth.test", [Roles.Learner]);
        var id = await site.CreateUserAsync("keeps.details@rth.test", [Roles.Learner], name: "Keeps Details");
        var admin = await site.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, $"/admin/users/{id}/details", new() { ["DisplayName"] = new string('n', 201), ["Email"] = "someone.else@rth.test" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["#DisplayName", "#Email"], SummaryLinks(await response.Content.ReadAsStringAsync()));
        await Html.AssertHasFieldErrorAsync(response, "DisplayName", "Full name must be 200 characters or fewer");
        await Html.AssertHasFieldErrorAsync(response, "Email", "Another account already uses this email address");
        var user = await site.WithServicesAsync(sp => sp.GetRequiredService<UserManager<AcademyUser>>().FindByIdAsync(id));
        Assert.Equal(("Keeps Details", "keeps.details@rth.test"), (user!.DisplayName, user.Email));
    }

    [Fact]
    public async Task Post_EditUser_WithNoRoleAndAnUnknownTrust_ListsBothInFieldOrderWith400()
    {
        var id = await site.CreateUserAsync("no.role.no.trust@rth.test", [Roles.Learner]);
        var admin = await site.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, $"/admin/users/{id}", new() { ["TrustOdsCode"] = "XXX" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["#SelectedRoles", "#TrustOdsCode"], SummaryLinks(await response.Content.ReadAsStringAsync()));
        await Html.AssertHasFieldErrorAsync(response, "SelectedRoles", "Select at least one role");
        await Html.AssertHasFieldErrorAsync(response, "TrustOdsCode", "Select a trust from the list");
    }

    /// A reset link's token for the account, encoded as the emailed link carries it.
    private Task<string> ResetTokenAsync(string email) => site.WithServicesAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AcademyUser>>();
        var token = await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync(email))!);
        return Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token));
    });

    internal static List<string> SummaryLinks(string html) => SummaryLink().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<li><a href=\"([^\"]+)\">")] private static partial Regex SummaryLink();
}
