using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Academy.Xapi.Contracts;
using Academy.Xapi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Xapi.Tests;

/// Communication 4 (security): credentials issued on the admin page, scopes, revocation, authority.
public sealed partial class CredentialTests(LrsSite site) : IClassFixture<LrsSite>
{
    private async Task<(string Key, string Secret)> IssueAsync(string name, params string[] scopes)
    {
        var admin = await site.SignInAsAdministratorAsync();
        var page = await admin.GetAsync("/admin/xapi/credentials");
        var token = Forms.AntiForgeryToken(await page.Content.ReadAsStringAsync())!;
        var fields = new List<KeyValuePair<string, string>> { new("Name", name), new("__RequestVerificationToken", token) };
        fields.AddRange(scopes.Select(s => new KeyValuePair<string, string>("Scopes", s)));
        var response = await admin.PostAsync("/admin/xapi/credentials", new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (KeyPattern().Match(html).Groups[1].Value, SecretPattern().Match(html).Groups[1].Value);
    }

    [Fact]
    public async Task AdminPage_IssueCredential_ShowsSecretOnceAndItWorks()
    {
        var (key, secret) = await IssueAsync("Storyline course", "statements/write", "statements/read");

        Assert.NotEmpty(key);
        Assert.True(secret.Length >= 40);
        var response = await site.Lrs(key: key, secret: secret).GetAsync("/xapi/statements");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var admin = await site.SignInAsAdministratorAsync();
        var list = await (await admin.GetAsync("/admin/xapi/credentials")).Content.ReadAsStringAsync();
        Assert.Contains("Storyline course", list);
        Assert.DoesNotContain(secret, list);
    }

    [Fact]
    public async Task AdminPage_WithoutNameOrScopes_ShowsErrors()
    {
        var admin = await site.SignInAsAdministratorAsync();
        var response = await Forms.PostAsync(admin, "/admin/xapi/credentials", new() { ["Name"] = "" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html);
        Assert.Contains("Enter a name for the credential", html);
        Assert.Contains("Select at least one scope", html);
    }

    /// The form's checks are its validator's (issue 14 §3): each error beside its field and in the summary in the order
    /// of the fields, with 400, and no credential issued.
    [Fact]
    public async Task AdminPage_WithATooLongNameAndAnUnknownScope_ShowsBothErrorsInFieldOrderWith400AndIssuesNothing()
    {
        var admin = await site.SignInAsAdministratorAsync();
        var name = "Too long " + new string('x', 200);
        var page = await admin.GetAsync("/admin/xapi/credentials");
        var token = Forms.AntiForgeryToken(await page.Content.ReadAsStringAsync())!;

        var response = await admin.PostAsync("/admin/xapi/credentials", new FormUrlEncodedContent(
            [new("Name", name), new("Scopes", "statements/read"), new("Scopes", "statements/teleport"), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        await Html.AssertHasFieldErrorAsync(response, "Name", "Name must be 200 characters or fewer");
        Assert.Contains("id=\"scopes-error\"><span class=\"nhsuk-u-visually-hidden\">Error: </span>Select scopes from the list</span>", html);
        Assert.Equal(["Name", "Scopes"], SummaryLink().Matches(html).Select(m => m.Groups[1].Value));
        Assert.False(await site.WithServicesAsync(s => s.GetRequiredService<XapiDbContext>().Credentials.AnyAsync(c => c.Name.StartsWith("Too long "))));
    }

    [Fact]
    public async Task AdminPage_ForANonAdministrator_IsRefused()
    {
        var learner = await site.SignInAsNewUserAsync($"learner-{Guid.NewGuid():N}@academy.test", [Roles.Learner]);

        var response = await learner.GetAsync("/admin/xapi/credentials");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Security_RevokedCredential_Returns401()
    {
        var (key, secret) = await IssueAsync("To revoke", "all");
        var id = await site.WithServicesAsync(async services =>
        {
            var db = services.GetService(typeof(Academy.Xapi.Data.XapiDbContext)) as Academy.Xapi.Data.XapiDbContext;
            return db!.Credentials.Single(c => c.Key == key).Id;
        });
        var admin = await site.SignInAsAdministratorAsync();
        var page = await admin.GetAsync("/admin/xapi/credentials");
        var token = Forms.AntiForgeryToken(await page.Content.ReadAsStringAsync())!;

        await admin.PostAsync($"/admin/xapi/credentials?handler=Revoke&id={id}", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Unauthorized, (await site.Lrs(key: key, secret: secret).GetAsync("/xapi/statements")).StatusCode);
    }

    /// Issue 12 §3: a key credential is remembered for a second; revoking it on this node forgets it at once.
    [Fact]
    public async Task Security_RevokedCredential_AfterUse_Returns401AtOnce()
    {
        var (key, secret) = await IssueAsync("Used, then revoked", "all");
        Assert.Equal(HttpStatusCode.OK, (await site.Lrs(key: key, secret: secret).GetAsync("/xapi/statements?limit=1")).StatusCode);
        var id = await site.WithServicesAsync(async s => (await s.GetRequiredService<XapiDbContext>().Credentials.SingleAsync(c => c.Key == key)).Id);
        var admin = await site.SignInAsAdministratorAsync();
        var token = Forms.AntiForgeryToken(await (await admin.GetAsync("/admin/xapi/credentials")).Content.ReadAsStringAsync())!;

        await admin.PostAsync($"/admin/xapi/credentials?handler=Revoke&id={id}", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Unauthorized, (await site.Lrs(key: key, secret: secret).GetAsync("/xapi/statements?limit=1")).StatusCode);
    }

    /// A credential revoked by another node (written straight to the shared database) is refused here
    /// once the second this node remembers it for has passed.
    [Fact]
    public async Task Security_CredentialRevokedOnAnotherNode_Returns401WithinASecond()
    {
        var (key, secret) = await IssueAsync("Revoked elsewhere", "all");
        Assert.Equal(HttpStatusCode.OK, (await site.Lrs(key: key, secret: secret).GetAsync("/xapi/statements?limit=1")).StatusCode);
        await site.WithServicesAsync(async s => await s.GetRequiredService<XapiDbContext>().Credentials.Where(c => c.Key == key)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.RevokedAt, DateTimeOffset.UtcNow)));

        await Task.Delay(Protocol.XapiSecretCache.Lifetime + TimeSpan.FromMilliseconds(200));

        Assert.Equal(HttpStatusCode.Unauthorized, (await site.Lrs(key: key, secret: secret).GetAsync("/xapi/statements?limit=1")).StatusCode);
    }

    /// A remembered credential still checks every request's secret.
    [Fact]
    public async Task Security_WrongSecret_RightAfterTheRightOne_Returns401()
    {
        var (key, secret) = await IssueAsync("Remembered", "all");

        var statuses = new List<HttpStatusCode>();
        foreach (var attempt in new[] { secret, secret + "x", "", secret })
            statuses.Add((await site.Lrs(key: key, secret: attempt).GetAsync("/xapi/statements?limit=1")).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK], statuses);
    }

    /// Issue 12 §3: the connection pragmas run once per pooled connection, not on every open; every
    /// connection a context gets from the pool is still synchronous=FULL (an acknowledged statement is
    /// on disk), waits for the write lock and checks foreign keys.
    [Fact]
    public async Task Durability_EveryPooledConnection_KeepsTheSitePragmas()
    {
        for (var i = 0; i < 5; i++)
        {
            var (synchronous, busyTimeout, foreignKeys, journal) = await site.WithServicesAsync(async s =>
            {
                await using var scope = s.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<XapiDbContext>();
                await db.Database.OpenConnectionAsync();
                await using var command = db.Database.GetDbConnection().CreateCommand();
                async Task<string> Pragma(string name)
                {
                    command.CommandText = "PRAGMA " + name;
                    return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
                }
                return (await Pragma("synchronous"), await Pragma("busy_timeout"), await Pragma("foreign_keys"), await Pragma("journal_mode"));
            });
            Assert.Equal(("2", "30000", "1", "wal"), (synchronous, busyTimeout, foreignKeys, journal));
        }
    }

    [Fact]
    public async Task Security_ReadOnlyCredential_CannotWrite()
    {
        var (key, secret) = await IssueAsync("Reader", "statements/read");

        var response = await site.Lrs(key: key, secret: secret).PostAsync("/xapi/statements", Json.Content(Statements.Make()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Security_MineScope_ReadsOnlyStatementsThisCredentialStored()
    {
        var (key, secret) = await IssueAsync("Mine", "statements/write", "statements/read/mine");
        var activity = Statements.NewActivity();
        var mineId = (await Json.ReadAsync(await site.Lrs(key: key, secret: secret).PostAsync("/xapi/statements", Json.Content(Statements.Make(activity: activity)))))[0]!.GetValue<string>();
        var othersId = (await Json.ReadAsync(await site.Lrs().PostAsync("/xapi/statements", Json.Content(Statements.Make(activity: activity)))))[0]!.GetValue<string>();

        var result = await Json.ReadAsync(await site.Lrs(key: key, secret: secret).GetAsync($"/xapi/statements?activity={Uri.EscapeDataString(activity)}"));

        Assert.Equal([mineId], result["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Lrs(key: key, secret: secret).GetAsync($"/xapi/statements?statementId={othersId}")).StatusCode);
    }

    [Fact]
    public async Task Security_StatementWithoutCredentials_IsNotStored()
    {
        var id = Guid.NewGuid().ToString();
        var client = site.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");

        var response = await client.PutAsync($"/xapi/statements?statementId={id}", Json.Content(Statements.Make()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Lrs().GetAsync($"/xapi/statements?statementId={id}")).StatusCode);
    }

    [Fact]
    public async Task Security_DefaultCredentialFromConfiguration_HasEveryScopeAndHashedSecret()
    {
        var stored = await site.WithServicesAsync(async services =>
        {
            var db = (Academy.Xapi.Data.XapiDbContext)services.GetService(typeof(Academy.Xapi.Data.XapiDbContext))!;
            return await Task.FromResult(db.Credentials.Single(c => c.Key == LrsSite.Key));
        });

        Assert.Equal("all", stored.Scopes);
        Assert.StartsWith("pbkdf2:", stored.SecretHash);
        Assert.DoesNotContain(LrsSite.Secret, stored.SecretHash);
    }

    [GeneratedRegex("<li><a href=\"#([^\"]+)\">")] private static partial Regex SummaryLink();
    [GeneratedRegex("id=\"issued-key\">([^<]+)<")] private static partial Regex KeyPattern();
    [GeneratedRegex("id=\"issued-secret\">([^<]+)<")] private static partial Regex SecretPattern();
}

/// Issue 8 §4: guessing secrets is throttled per client address, and a client over the limit is refused
/// before any PBKDF2 is spent; a working credential from the same address keeps working.
public sealed class CredentialGuessingTests : IAsyncLifetime
{
    private readonly LrsSite site = LrsSite.CreateLrs(overrides: new Dictionary<string, string?> { ["Academy:Xapi:FailedAuthenticationsPerMinute"] = "3" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task SecretGuessing_BeyondTheLimit_Returns429_AndTheRightSecretStillWorks()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await site.Lrs(secret: "guess-" + i).GetAsync("/xapi/statements?limit=1")).StatusCode);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var throttled = await site.Lrs(key: "someone-else", secret: "guess").GetAsync("/xapi/statements");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("application/json", throttled.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await site.Lrs().GetAsync("/xapi/statements?limit=1")).StatusCode);
    }

    /// Launch credentials are checked on the same path: an expired one and wrong secrets for a launch key
    /// count as failures, and the learner's working launch credential passes the cheap check when throttled.
    [Fact]
    public async Task LaunchSecretGuessing_BeyondTheLimit_Returns429_AndTheLaunchCredentialStillWorks()
    {
        var learner = XapiAgent.Learner(Guid.NewGuid().ToString());
        var launch = await site.WithServicesAsync(s => s.GetRequiredService<ILaunchCredentials>()
            .IssueAsync(new LaunchScope(learner, Guid.NewGuid(), "https://academy.test/courses/throttled")));
        var expired = await site.WithServicesAsync(s => s.GetRequiredService<ILaunchCredentials>()
            .IssueAsync(new LaunchScope(learner, Guid.NewGuid(), "https://academy.test/courses/throttled")));
        await site.WithServicesAsync(async s => await s.GetRequiredService<XapiDbContext>().Credentials.Where(c => c.Key == expired.Key)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1))));

        var statuses = new List<HttpStatusCode> { (await site.Lrs(key: expired.Key, secret: expired.Secret).GetAsync("/xapi/statements")).StatusCode };
        for (var i = 0; i < 3; i++)
            statuses.Add((await site.Lrs(key: launch.Key, secret: "guess-" + i).GetAsync("/xapi/statements")).StatusCode);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await site.Lrs(key: launch.Key, secret: launch.Secret).GetAsync("/xapi/statements")).StatusCode);
    }
}
