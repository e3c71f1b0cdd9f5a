using System.Net;
using Academy.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Web.Tests.Security;

/// Issue 8, point 3: sign-in and reset requests are limited per address and per client, with the same message
/// whether or not the address has an account; a locked or disabled account says nothing an unknown one does not.
/// (That their timings match is measured by bench/Academy.Security.Bench, not asserted here.)
public sealed class AccountLimitTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string ResetRefused = "You have asked for too many reset links. Check your email for the last one, or wait 15 minutes and try again";
    private const string SignInRefused = "There have been too many failed attempts to sign in with this email address. Wait 15 minutes and try again, or reset your password";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ForgotPassword_AFourthRequestForOneAddress_IsRefusedWithTheSameMessageWhetherOrNotItHasAnAccount(bool exists)
    {
        var email = $"flooded-{exists}@trust.test";
        if (exists) await site.CreateUserAsync(email, [Roles.Learner]);
        var client = site.CreateAnonymousClient();
        for (var i = 0; i < 3; i++)
            Assert.Contains("Check your email", await (await Forms.PostAsync(client, "/account/forgot-password", new() { ["Email"] = email })).Content.ReadAsStringAsync());

        var fourth = await Forms.PostAsync(client, "/account/forgot-password", new() { ["Email"] = email });

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        await Html.AssertHasFieldErrorAsync(fourth, "Email", ResetRefused);
        if (!exists) return;
        await site.WaitForEmailAsync($"To: {email}");
        await Task.Delay(3000); // the three jobs have had time to run; a fourth email would be there by now
        Assert.Equal(3, site.PickedUpEmails().Count(e => e.Contains($"To: {email}")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SignIn_AfterFiveFailuresForOneAddress_IsRefusedWithTheSameMessageWhetherOrNotItHasAnAccount(bool exists)
    {
        var email = $"guessed-{exists}@trust.test";
        if (exists) await site.CreateUserAsync(email, [Roles.Learner]);
        var client = site.CreateAnonymousClient();
        for (var i = 0; i < 5; i++)
            await Html.AssertHasFieldErrorAsync(await Forms.PostAsync(client, "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = "wrong-" + i }),
                "Input_Email", "Enter a correct email address and password");

        var sixth = await Forms.PostAsync(client, "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = "a-long-enough-password" });

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        await Html.AssertHasFieldErrorAsync(sixth, "Input_Email", SignInRefused);
    }

    [Fact]
    public async Task SignIn_ToAnAccountLockedByIdentity_SaysWhatAnUnknownAddressSays()
    {
        await site.CreateUserAsync("locked@trust.test", [Roles.Learner]);
        await site.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AcademyUser>>();
            return await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("locked@trust.test"))!, DateTimeOffset.UtcNow.AddMinutes(15));
        });

        var response = await Forms.PostAsync(site.CreateAnonymousClient(), "/account/sign-in", new() { ["Input.Email"] = "locked@trust.test", ["Input.Password"] = "a-long-enough-password" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "Input_Email", "Enter a correct email address and password");
        Assert.DoesNotContain("Your account is locked", await response.Content.ReadAsStringAsync());
    }
}

/// The per-client limits: one client trying many addresses. A site of their own, with low limits, since every
/// in-memory test client shares one (unknown) client address.
public sealed class ClientLimitTests
{
    [Fact]
    public async Task ForgotPassword_ForManyAddressesFromOneClient_IsRefusedOnceTheClientsLimitIsReached()
    {
        await using var site = AcademySite.Create(overrides: new Dictionary<string, string?> { ["Academy:Accounts:Limits:ResetRequestsPerClient"] = "4" });
        var client = site.CreateAnonymousClient();
        for (var i = 0; i < 4; i++)
            Assert.Contains("Check your email", await (await Forms.PostAsync(client, "/account/forgot-password", new() { ["Email"] = $"sprayed-{i}@trust.test" })).Content.ReadAsStringAsync());

        var fifth = await Forms.PostAsync(client, "/account/forgot-password", new() { ["Email"] = "sprayed-new@trust.test" });

        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
    }

    [Fact]
    public async Task SignIn_ManyAddressesFromOneClient_IsRefusedOnceTheClientsLimitIsReached()
    {
        await using var site = AcademySite.Create(overrides: new Dictionary<string, string?> { ["Academy:Accounts:Limits:FailedSignInsPerClient"] = "6" });
        var client = site.CreateAnonymousClient();
        for (var i = 0; i < 6; i++)
            await Forms.PostAsync(client, "/account/sign-in", new() { ["Input.Email"] = $"sprayed-{i}@trust.test", ["Input.Password"] = "wrong-password" });

        var seventh = await Forms.PostAsync(client, "/account/sign-in", new() { ["Input.Email"] = AcademySite.AdminEmail, ["Input.Password"] = AcademySite.AdminPassword });

        Assert.Equal(HttpStatusCode.TooManyRequests, seventh.StatusCode);
    }
}
