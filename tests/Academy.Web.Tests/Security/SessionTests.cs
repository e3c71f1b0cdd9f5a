using System.Net;
using System.Text;
using Academy.Identity.Data;
using Academy.Modules;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Web.Tests.Security;

/// Issue 8, point 2: a session ends on the server, so a stolen copy of its cookie stops working when it should:
/// at sign-out, and at once for every session of a person whose password is reset, whose roles change or whose
/// account is disabled. Pages and the JSON API alike.
public sealed class SessionTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string Password = "a-long-enough-password";

    [Fact]
    public async Task SignOut_ThenReplayingTheOldSessionCookie_IsSignedOutOnPagesAndTheApi()
    {
        await site.CreateUserAsync("replay@trust.test", [Roles.Learner]);
        var (client, cookie) = await SignInKeepingTheCookieAsync("replay@trust.test");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/learning")).StatusCode);

        await Forms.PostAsync(client, "/account/sign-out", [], pageUrl: "/learning");

        var replay = WithCookie(cookie);
        await AssertSignedOutAsync(replay);
    }

    [Fact]
    public async Task ResetPassword_EndsASessionStartedBeforeItAtOnce()
    {
        await site.CreateUserAsync("reset.victim@trust.test", [Roles.Learner]);
        var (_, attackers) = await SignInKeepingTheCookieAsync("reset.victim@trust.test");
        var token = await site.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AcademyUser>>();
            return await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync("reset.victim@trust.test"))!);
        });

        var reset = await Forms.PostAsync(site.CreateAnonymousClient(), "/account/reset-password", new()
        {
            ["Email"] = "reset.victim@trust.test", ["Token"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)), ["Password"] = "the-owners-new-password",
        });

        Assert.Contains("Your password has been changed", await reset.Content.ReadAsStringAsync());
        await AssertSignedOutAsync(WithCookie(attackers));
    }

    [Fact]
    public async Task RoleRemoval_EndsTheSessionThatHeldTheRoleAtOnce()
    {
        var id = await site.CreateUserAsync("demoted@trust.test", [Roles.NationalReviewer]);
        var (reviewer, _) = await SignInKeepingTheCookieAsync("demoted@trust.test");
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/api/exemplars/portfolio")).StatusCode);
        var admin = await site.SignInAsAdministratorAsync();

        var saved = await Forms.PostAsync(admin, $"/admin/users/{id}", new() { ["SelectedRoles"] = Roles.Learner, ["TrustOdsCode"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await reviewer.GetAsync("/api/exemplars/portfolio")).StatusCode);
        var page = await reviewer.GetAsync("/exemplars/portfolio");
        Assert.StartsWith("/account/sign-in", PathOf(page.Headers.Location!));
        var again = await site.SignInAsync("demoted@trust.test", Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/api/exemplars/portfolio")).StatusCode);
    }

    [Fact]
    public async Task DisableAccount_EndsItsSessionsAtOnceAndSignInSaysOnlyThatTheDetailsAreWrong()
    {
        var id = await site.CreateUserAsync("disabled@trust.test", [Roles.Learner]);
        var (_, cookie) = await SignInKeepingTheCookieAsync("disabled@trust.test");
        var admin = await site.SignInAsAdministratorAsync();

        var disabled = await Forms.PostAsync(admin, $"/admin/users/{id}?handler=Disable", [], pageUrl: $"/admin/users/{id}");

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        await AssertSignedOutAsync(WithCookie(cookie));
        var signIn = await Forms.PostAsync(site.CreateAnonymousClient(), "/account/sign-in", new() { ["Input.Email"] = "disabled@trust.test", ["Input.Password"] = Password });
        await Html.AssertHasFieldErrorAsync(signIn, "Input_Email", "Enter a correct email address and password");
        Assert.Contains("Enable account", await admin.GetStringAsync($"/admin/users/{id}"));
    }

    [Fact]
    public async Task SecurityStampChangedOutsideThePages_EndsTheSessionWithinAMinute()
    {
        var clock = new ShiftedClock();
        using var clocked = site.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        await site.CreateUserAsync("stamped@trust.test", [Roles.Learner]);
        var client = clocked.CreateClient(new() { AllowAutoRedirect = false });
        await Forms.PostAsync(client, "/account/sign-in", new() { ["Input.Email"] = "stamped@trust.test", ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/learning")).StatusCode);

        using (var scope = clocked.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync("stamped@trust.test"))!);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/learning")).StatusCode);
        clock.Offset = TimeSpan.FromSeconds(61);

        var response = await client.GetAsync("/learning");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", PathOf(response.Headers.Location!));
    }

    [Fact]
    public async Task SignOut_TellsEverySignOutListenerWhoSignedOut()
    {
        var listener = new RecordingListener();
        using var listened = site.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ISignOutListener>(listener)));
        var id = await site.CreateUserAsync("listened@trust.test", [Roles.Learner]);
        var client = listened.CreateClient(new() { AllowAutoRedirect = false });
        await Forms.PostAsync(client, "/account/sign-in", new() { ["Input.Email"] = "listened@trust.test", ["Input.Password"] = Password });

        await Forms.PostAsync(client, "/account/sign-out", [], pageUrl: "/learning");

        Assert.Equal([id], listener.SignedOut);
    }

    private async Task<(HttpClient Client, Cookie Session)> SignInKeepingTheCookieAsync(string email)
    {
        var jar = new CookieContainer();
        var client = site.CreateDefaultClient(new CookieContainerHandler(jar));
        var response = await Forms.PostAsync(client, "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = jar.GetCookies(client.BaseAddress!)["Academy.Session"] ?? throw new InvalidOperationException("No session cookie");
        return (client, session);
    }

    private HttpClient WithCookie(Cookie session)
    {
        var jar = new CookieContainer();
        jar.Add(new Cookie(session.Name, session.Value, "/", "localhost"));
        return site.CreateDefaultClient(new CookieContainerHandler(jar));
    }

    private static async Task AssertSignedOutAsync(HttpClient client)
    {
        var page = await client.GetAsync("/learning");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/sign-in", PathOf(page.Headers.Location!));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/exemplars/blueprints")).StatusCode);
    }

    private static string PathOf(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }

    private sealed class RecordingListener : ISignOutListener
    {
        public List<string> SignedOut { get; } = [];
        public Task SignedOutAsync(string userId, CancellationToken cancellationToken = default)
        {
            SignedOut.Add(userId);
            return Task.CompletedTask;
        }
    }
}
