using System.Net;
using Academy.Identity.Data;
using Academy.Identity.Pages.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Web.Tests.Identity;

public sealed class RegistrationTests : IAsyncLifetime
{
    private readonly AcademySite site = AcademySite.Create(overrides: new Dictionary<string, string?> { ["Academy:Setup:AllowRegistration"] = "true" });

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await site.DisposeAsync();

    private Task<HttpResponseMessage> RegisterAsync(string name, string email) =>
        Forms.PostAsync(site.CreateAnonymousClient(), "/account/register", new() { ["Input.DisplayName"] = name, ["Input.Email"] = email });

    private static async Task<string> CheckYourEmailTextAsync(HttpResponseMessage response, string email)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Check your email</h1>", html);
        // What the page says, with the address the person typed left out.
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        return System.Text.RegularExpressions.Regex.Replace(main.Replace(email, "ADDRESS"), "name=\"__RequestVerificationToken\"[^>]*", "");
    }

    [Fact]
    public async Task Post_Register_WhenAllowed_EmailsALinkWithWhichTheNewLearnerCreatesTheirPasswordAndSignsIn()
    {
        var page = await RegisterAsync("Sam Physio", "sam.physio@trust.test");
        await CheckYourEmailTextAsync(page, "sam.physio@trust.test");

        var email = await site.WaitForEmailAsync("To: sam.physio@trust.test");
        Assert.Contains("Create your Academy password", email);
        var link = SignInTests.ResetLink().Match(email).Value;
        var client = site.CreateAnonymousClient();
        var created = await Forms.PostAsync(client, new Uri(link).PathAndQuery, new()
        {
            ["Email"] = "sam.physio@trust.test",
            ["Token"] = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["token"]!,
            ["Password"] = "a-long-new-password",
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);

        var signedIn = await site.SignInAsync("sam.physio@trust.test", "a-long-new-password");
        Assert.Contains("Sam Physio", await signedIn.GetStringAsync("/learning"));
        var (roles, trust) = await site.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AcademyUser>>();
            var user = await users.FindByEmailAsync("sam.physio@trust.test");
            return (await users.GetRolesAsync(user!), user!.TrustOdsCode);
        });
        Assert.Equal([Roles.Learner], roles);
        Assert.Null(trust);
    }

    [Fact]
    public async Task Post_Register_WithAnEmailThatHasAnAccount_SaysWhatItSaysForANewAddress_AndEmailsTheAccountHolder()
    {
        await site.CreateUserAsync("taken@trust.test", [Roles.Learner], name: "Already Here");

        var forTaken = await CheckYourEmailTextAsync(await RegisterAsync("Someone", "taken@trust.test"), "taken@trust.test");
        var forNew = await CheckYourEmailTextAsync(await RegisterAsync("Someone", "nobody.yet@trust.test"), "nobody.yet@trust.test");

        Assert.Equal(forNew, forTaken);
        var email = await site.WaitForEmailAsync("To: taken@trust.test");
        Assert.Contains("You already have an Academy account", email);
        var names = await site.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<UserManager<AcademyUser>>().FindByEmailAsync("taken@trust.test"))!.DisplayName);
        Assert.Equal("Already Here", names);
        await site.SignInAsync("taken@trust.test", "a-long-enough-password");
    }

    [Fact]
    public async Task Post_Register_WithAnEmailAddressInTheWrongFormat_ShowsTheErrorBesideTheField()
    {
        var response = await RegisterAsync("Someone", "someone@nhs");

        await Html.AssertHasFieldErrorAsync(response, "Input_Email", "Enter an email address in the correct format, like name@nhs.net");
    }

    [Fact]
    public async Task Post_Register_WithNoNameAndAMalformedEmail_ListsBothErrorsInFieldOrderWith400()
    {
        var response = await RegisterAsync("", "first last@nhs.net");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["#Input_DisplayName", "#Input_Email"], IdentityFormErrorsTests.SummaryLinks(await response.Content.ReadAsStringAsync()));
        await Html.AssertHasFieldErrorAsync(response, "Input_DisplayName", "Enter your full name");
        await Html.AssertHasFieldErrorAsync(response, "Input_Email", "Enter an email address in the correct format, like name@nhs.net");
    }

    [Fact]
    public async Task Post_Register_ForOneAddressTooOften_IsRefusedBesideTheEmailAndSendsNoMore()
    {
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await RegisterAsync("Someone", "flooded@trust.test")).StatusCode);

        var refused = await RegisterAsync("Someone", "flooded@trust.test");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        await Html.AssertHasFieldErrorAsync(refused, "Input_Email", RegisterModel.TooManyMessage);
    }
}
