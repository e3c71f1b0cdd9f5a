using System.Net;
using Academy.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Web.Tests.Identity;

public sealed class RegistrationTests : IAsyncLifetime
{
    private readonly AcademySite site = AcademySite.Create(overrides: new Dictionary<string, string?> { ["Academy:Setup:AllowRegistration"] = "true" });

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task Post_Register_WhenAllowed_CreatesALearnerWithNoTrustAndSignsThemIn()
    {
        var client = site.CreateAnonymousClient();

        var response = await Forms.PostAsync(client, "/account/register", new()
        {
            ["Input.DisplayName"] = "Sam Physio", ["Input.Email"] = "sam.physio@trust.test",
            ["Input.Password"] = "a-long-new-password", ["Input.ConfirmPassword"] = "a-long-new-password",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Sam Physio", await client.GetStringAsync("/learning"));
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
    public async Task Post_Register_WithAnEmailThatHasAnAccount_SaysSoBesideTheEmail()
    {
        await site.CreateUserAsync("taken@trust.test", [Roles.Learner]);

        var response = await Forms.PostAsync(site.CreateAnonymousClient(), "/account/register", new()
        {
            ["Input.DisplayName"] = "Someone", ["Input.Email"] = "taken@trust.test",
            ["Input.Password"] = "a-long-new-password", ["Input.ConfirmPassword"] = "a-long-new-password",
        });

        await Html.AssertHasFieldErrorAsync(response, "Input_Email", "An account already exists for this email address. Sign in or reset your password");
    }

    [Fact]
    public async Task Post_Register_WithPasswordsThatDoNotMatch_ShowsTheError()
    {
        var response = await Forms.PostAsync(site.CreateAnonymousClient(), "/account/register", new()
        {
            ["Input.DisplayName"] = "Someone", ["Input.Email"] = "someone@trust.test",
            ["Input.Password"] = "a-long-new-password", ["Input.ConfirmPassword"] = "another-long-password",
        });

        await Html.AssertHasFieldErrorAsync(response, "Input_ConfirmPassword", "Passwords must match");
    }
}
