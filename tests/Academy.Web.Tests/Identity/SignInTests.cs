using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Web.Tests.Identity;

public sealed partial class SignInTests(AcademySite site) : IClassFixture<AcademySite>
{
    [Fact]
    public async Task Post_SignIn_WithTheRightPassword_SignsInAndShowsTheNameInTheHeader()
    {
        await site.CreateUserAsync("nurse.one@trust.test", [Roles.Learner], name: "Nurse One");

        var client = await site.SignInAsync("nurse.one@trust.test", "a-long-enough-password");

        var home = await client.GetStringAsync("/");
        Assert.Contains("Nurse One", home);
        Assert.Contains("Sign out", home);
    }

    [Fact]
    public async Task Post_SignIn_WithAWrongPassword_ShowsAnErrorBesideTheEmail()
    {
        await site.CreateUserAsync("nurse.two@trust.test", [Roles.Learner]);

        var response = await Forms.PostAsync(site.CreateAnonymousClient(), "/account/sign-in",
            new() { ["Input.Email"] = "nurse.two@trust.test", ["Input.Password"] = "wrong-password-here" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "Input_Email", "Enter a correct email address and password");
    }

    [Fact]
    public async Task Post_SignIn_FiveWrongPasswordsFromOneClient_RefusesEvenTheRightPasswordForAWhile()
    {
        await site.CreateUserAsync("nurse.three@trust.test", [Roles.Learner]);
        var client = site.CreateAnonymousClient();
        for (var i = 0; i < 5; i++)
            await Forms.PostAsync(client, "/account/sign-in", new() { ["Input.Email"] = "nurse.three@trust.test", ["Input.Password"] = "wrong-password-" + i });

        var response = await Forms.PostAsync(client, "/account/sign-in",
            new() { ["Input.Email"] = "nurse.three@trust.test", ["Input.Password"] = "a-long-enough-password" });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "Input_Email", "There have been too many failed attempts to sign in with this email address. Wait 15 minutes and try again, or reset your password");
    }

    [Fact]
    public async Task Post_SignOut_EndsTheSession()
    {
        await site.CreateUserAsync("nurse.four@trust.test", [Roles.Learner]);
        var client = await site.SignInAsync("nurse.four@trust.test", "a-long-enough-password");

        await Forms.PostAsync(client, "/account/sign-out", [], pageUrl: "/learning");

        var response = await client.GetAsync("/learning");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Get_Register_WhenTheAdministratorHasNotAllowedIt_IsNotFound()
    {
        var response = await site.CreateAnonymousClient().GetAsync("/account/register");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_ForgotPassword_EmailsALinkThatResetsThePassword()
    {
        await site.CreateUserAsync("nurse.five@trust.test", [Roles.Learner]);
        var client = site.CreateAnonymousClient();

        var sent = await Forms.PostAsync(client, "/account/forgot-password", new() { ["Email"] = "nurse.five@trust.test" });
        Assert.Contains("Check your email", await sent.Content.ReadAsStringAsync());

        var email = await site.WaitForEmailAsync("To: nurse.five@trust.test");
        var link = ResetLink().Match(email).Value;
        var reset = await Forms.PostAsync(client, new Uri(link).PathAndQuery, new()
        {
            ["Email"] = "nurse.five@trust.test",
            ["Token"] = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["token"]!,
            ["Password"] = "my-brand-new-password",
        });

        Assert.Contains("Your password has been changed", await reset.Content.ReadAsStringAsync());
        await site.SignInAsync("nurse.five@trust.test", "my-brand-new-password");
    }

    [Fact]
    public async Task Post_ResetPassword_WithATamperedToken_ShowsAnError()
    {
        await site.CreateUserAsync("nurse.six@trust.test", [Roles.Learner]);

        var response = await Forms.PostAsync(site.CreateAnonymousClient(), "/account/reset-password",
            new() { ["Email"] = "nurse.six@trust.test", ["Token"] = "bm90LWEtdG9rZW4", ["Password"] = "another-long-password" });

        await Html.AssertHasFieldErrorAsync(response, "Password", "This reset link has expired or has already been used. Ask for a new link from the sign-in page");
    }

    [GeneratedRegex(@"http://[^\s]+/account/reset-password\?[^\s]+")]
    internal static partial Regex ResetLink();
}
