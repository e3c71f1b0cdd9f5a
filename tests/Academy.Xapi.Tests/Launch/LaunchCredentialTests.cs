using System.Net;
using System.Text.Json.Nodes;
using Academy.Modules;
using Academy.Xapi.Contracts;
using Academy.Xapi.Data;
using Academy.Xapi.Tests.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Xapi.Tests.Launch;

/// ILaunchCredentials (issue 9 §3): a credential per launch that writes and reads only one learner's
/// statements for one registration, and their state; it expires and ends when the learner signs out.
public sealed class LaunchCredentialTests(LrsSite site) : IClassFixture<LrsSite>
{
    private const string Course = "https://academy.test/courses/digital-foundations";

    private Task<LaunchCredential> IssueAsync(XapiAgent learner, Guid registration, TimeSpan? lifetime = null) =>
        site.WithServicesAsync(s => s.GetRequiredService<ILaunchCredentials>().IssueAsync(new LaunchScope(learner, registration, Course), lifetime));

    private static XapiAgent NewLearner() => XapiAgent.Learner(Guid.NewGuid().ToString());

    private HttpClient Launched(LaunchCredential credential) => site.Lrs(key: credential.Key, secret: credential.Secret);

    private static JsonObject StatementBy(XapiAgent actor, Guid registration, string? activity = null) =>
        Statements.Make(activity: activity ?? Course + "/lessons/" + Guid.NewGuid().ToString("N")).With(s =>
        {
            s["actor"] = actor.ToJson();
            s["context"] = new JsonObject { ["registration"] = registration.ToString() };
        });

    private static string Agent(XapiAgent agent) => Uri.EscapeDataString(agent.ToJson().ToJsonString());

    private static async Task<string> ReasonAsync(HttpResponseMessage response) =>
        (await Json.ReadAsync(response))["message"]?.GetValue<string>() ?? "";

    [Fact]
    public async Task Post_OwnStatementWithTheRegistration_IsStoredWithTheLaunchAuthority()
    {
        var learner = NewLearner();
        var registration = Guid.NewGuid();
        var credential = await IssueAsync(learner, registration);

        var response = await Launched(credential).PostAsync("/xapi/statements", Json.Content(StatementBy(learner, registration)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await Json.ReadAsync(response))[0]!.GetValue<string>();
        var stored = await Json.ReadAsync(await site.Lrs().GetAsync($"/xapi/statements?statementId={id}"));
        Assert.Equal(credential.Key, stored["authority"]!["account"]!["name"]!.GetValue<string>());
        Assert.Equal(learner.AccountName, stored["actor"]!["account"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_StatementWhoseActorIsAnotherLearner_Returns403WithTheReasonAndStoresNothing()
    {
        var registration = Guid.NewGuid();
        var credential = await IssueAsync(NewLearner(), registration);
        var other = StatementBy(NewLearner(), registration).With(s => s["id"] = Guid.NewGuid().ToString());

        var response = await Launched(credential).PostAsync("/xapi/statements", Json.Content(other));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("actor is the learner", await ReasonAsync(response));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Lrs().GetAsync($"/xapi/statements?statementId={other["id"]}")).StatusCode);
    }

    [Fact]
    public async Task Post_BatchWithOneStatementForAnotherRegistration_Returns403AndStoresNone()
    {
        var learner = NewLearner();
        var registration = Guid.NewGuid();
        var credential = await IssueAsync(learner, registration);
        var good = StatementBy(learner, registration).With(s => s["id"] = Guid.NewGuid().ToString());
        var otherRegistration = StatementBy(learner, Guid.NewGuid());

        var response = await Launched(credential).PostAsync("/xapi/statements", Json.Content(new JsonArray(good, otherRegistration)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains($"context.registration is {registration}", await ReasonAsync(response));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Lrs().GetAsync($"/xapi/statements?statementId={good["id"]}")).StatusCode);
    }

    [Fact]
    public async Task Put_StatementWithoutARegistration_Returns403()
    {
        var learner = NewLearner();
        var credential = await IssueAsync(learner, Guid.NewGuid());
        var statement = StatementBy(learner, Guid.NewGuid()).With(s => s.Remove("context"));

        var response = await Launched(credential).PutAsync($"/xapi/statements?statementId={Guid.NewGuid()}", Json.Content(statement));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("statement.context.registration", (await Json.ReadAsync(response))["property"]?.GetValue<string>());
    }

    [Fact]
    public async Task Query_ReturnsOnlyTheLearnersStatements_AndAnotherLearnersByIdIsNotFound()
    {
        var learner = NewLearner();
        var registration = Guid.NewGuid();
        var activity = Course + "/lessons/shared-" + Guid.NewGuid().ToString("N");
        var mine = (await Json.ReadAsync(await site.Lrs().PostAsync("/xapi/statements", Json.Content(StatementBy(learner, registration, activity)))))[0]!.GetValue<string>();
        var otherLearner = NewLearner();
        var others = (await Json.ReadAsync(await site.Lrs().PostAsync("/xapi/statements", Json.Content(StatementBy(otherLearner, registration, activity)))))[0]!.GetValue<string>();
        var client = Launched(await IssueAsync(learner, registration));

        var all = await Json.ReadAsync(await client.GetAsync($"/xapi/statements?activity={Uri.EscapeDataString(activity)}"));
        var askedForOther = await Json.ReadAsync(await client.GetAsync($"/xapi/statements?activity={Uri.EscapeDataString(activity)}&agent={Agent(otherLearner)}"));

        Assert.Equal([mine], all["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
        Assert.Empty(askedForOther["statements"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/xapi/statements?statementId={mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/xapi/statements?statementId={others}")).StatusCode);
    }

    [Fact]
    public async Task Void_AnotherLearnersStatement_Returns403_AndTheLearnersOwnIsVoided()
    {
        var learner = NewLearner();
        var registration = Guid.NewGuid();
        var others = (await Json.ReadAsync(await site.Lrs().PostAsync("/xapi/statements", Json.Content(StatementBy(NewLearner(), registration)))))[0]!.GetValue<string>();
        var client = Launched(await IssueAsync(learner, registration));
        var own = (await Json.ReadAsync(await client.PostAsync("/xapi/statements", Json.Content(StatementBy(learner, registration)))))[0]!.GetValue<string>();
        JsonObject Voiding(string target) => new()
        {
            ["actor"] = learner.ToJson(),
            ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/voided" },
            ["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = target },
            ["context"] = new JsonObject { ["registration"] = registration.ToString() },
        };

        var refused = await client.PostAsync("/xapi/statements", Json.Content(Voiding(others)));
        var allowed = await client.PostAsync("/xapi/statements", Json.Content(Voiding(own)));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("voids only the learner's own", await ReasonAsync(refused));
        Assert.Equal(HttpStatusCode.OK, (await site.Lrs().GetAsync($"/xapi/statements?statementId={others}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Lrs().GetAsync($"/xapi/statements?voidedStatementId={own}")).StatusCode);
    }

    [Fact]
    public async Task State_ForTheLearnerAndRegistration_IsSavedAndRead()
    {
        var learner = NewLearner();
        var registration = Guid.NewGuid();
        var client = Launched(await IssueAsync(learner, registration));
        var url = $"/xapi/activities/state?activityId={Uri.EscapeDataString(Course)}&agent={Agent(learner)}&registration={registration}&stateId=bookmark";

        var put = await client.PutAsync(url, Json.Content("{\"lesson\":3}"));
        var get = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal(3, (await Json.ReadAsync(get))["lesson"]!.GetValue<int>());
    }

    [Fact]
    public async Task State_ForAnotherAgent_Returns403()
    {
        var registration = Guid.NewGuid();
        var client = Launched(await IssueAsync(NewLearner(), registration));

        var response = await client.PutAsync($"/xapi/activities/state?activityId={Uri.EscapeDataString(Course)}&agent={Agent(NewLearner())}&registration={registration}&stateId=bookmark", Json.Content("{}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("only for the learner", await ReasonAsync(response));
    }

    [Theory]
    [InlineData("other")]
    [InlineData("none")]
    public async Task State_ForAnotherRegistrationOrNone_Returns403(string registrationKind)
    {
        var learner = NewLearner();
        var client = Launched(await IssueAsync(learner, Guid.NewGuid()));
        var registration = registrationKind == "other" ? $"&registration={Guid.NewGuid()}" : "";

        var response = await client.GetAsync($"/xapi/activities/state?activityId={Uri.EscapeDataString(Course)}&agent={Agent(learner)}{registration}&stateId=bookmark");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("only for the registration", await ReasonAsync(response));
    }

    [Fact]
    public async Task AgentProfile_TheLearnersIsAllowed_AnotherAgentsIs403()
    {
        var learner = NewLearner();
        var client = Launched(await IssueAsync(learner, Guid.NewGuid()));

        // With If-None-Match: *, which a 1.0.3 profile PUT needs (XAPI-00273).
        var own = await client.CreateAsync($"/xapi/agents/profile?agent={Agent(learner)}&profileId=preferences", Json.Content("{\"captions\":true}"));
        var other = await client.GetAsync($"/xapi/agents/profile?agent={Agent(NewLearner())}&profileId=preferences");

        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Theory]
    [InlineData("/xapi/activities/profile?activityId=https%3A%2F%2Facademy.test%2Fcourses%2Fdigital-foundations&profileId=p")]
    [InlineData("/xapi/activities?activityId=https%3A%2F%2Facademy.test%2Fcourses%2Fdigital-foundations")]
    [InlineData("/xapi/agents?agent=%7B%22mbox%22%3A%22mailto%3Asomeone%40example.org%22%7D")]
    public async Task OtherResources_WithALaunchCredential_Return403(string url)
    {
        var client = Launched(await IssueAsync(NewLearner(), Guid.NewGuid()));

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Expired_Returns401()
    {
        var learner = NewLearner();
        var credential = await IssueAsync(learner, Guid.NewGuid());
        Assert.Equal(HttpStatusCode.OK, (await Launched(credential).GetAsync("/xapi/statements")).StatusCode);
        await site.WithServicesAsync(async s => await s.GetRequiredService<XapiDbContext>().Credentials.Where(c => c.Key == credential.Key)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1))));

        var response = await Launched(credential).GetAsync("/xapi/statements");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignOut_EveryListenerCalled_RevokesOnlyThatPersonsLaunchCredentials()
    {
        var userId = Guid.NewGuid().ToString();
        var first = await IssueAsync(XapiAgent.Learner(userId), Guid.NewGuid());
        var second = await IssueAsync(XapiAgent.Learner(userId), Guid.NewGuid());
        var someoneElse = await IssueAsync(NewLearner(), Guid.NewGuid());

        // What Identity does on sign-out: every registered listener, for the person's user id.
        await site.WithServicesAsync(async s =>
        {
            foreach (var listener in s.GetServices<ISignOutListener>()) await listener.SignedOutAsync(userId);
            return 0;
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await Launched(first).GetAsync("/xapi/statements")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Launched(second).GetAsync("/xapi/statements")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Launched(someoneElse).GetAsync("/xapi/statements")).StatusCode);
    }

    [Fact]
    public async Task Issue_WithoutALifetime_LastsFourHoursAndStoresTheSecretHashed()
    {
        var before = DateTimeOffset.UtcNow;

        var credential = await IssueAsync(NewLearner(), Guid.NewGuid());

        Assert.InRange(credential.ExpiresAt, before.AddHours(4).AddSeconds(-1), DateTimeOffset.UtcNow.AddHours(4).AddSeconds(1));
        Assert.Equal(LrsSite.Basic(credential.Key, credential.Secret).ToString(), credential.AuthorizationHeader);
        var stored = await site.WithServicesAsync(s => s.GetRequiredService<XapiDbContext>().Credentials.AsNoTracking().SingleAsync(c => c.Key == credential.Key));
        Assert.StartsWith("sha256:", stored.SecretHash);
        Assert.DoesNotContain(credential.Secret, stored.SecretHash);
    }

    [Fact]
    public async Task Issue_ForLongerThanADay_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => IssueAsync(NewLearner(), Guid.NewGuid(), TimeSpan.FromDays(2)));
    }

    [Fact]
    public async Task Issue_DeletesLaunchCredentialsThatHaveExpired()
    {
        var old = await IssueAsync(NewLearner(), Guid.NewGuid());
        await site.WithServicesAsync(async s => await s.GetRequiredService<XapiDbContext>().Credentials.Where(c => c.Key == old.Key)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        await IssueAsync(NewLearner(), Guid.NewGuid());

        Assert.False(await site.WithServicesAsync(s => s.GetRequiredService<XapiDbContext>().Credentials.AnyAsync(c => c.Key == old.Key)));
    }

    [Fact]
    public async Task AdminCredentialsPage_DoesNotListLaunchCredentials()
    {
        var credential = await IssueAsync(NewLearner(), Guid.NewGuid());
        var admin = await site.SignInAsAdministratorAsync();

        var html = await (await admin.GetAsync("/admin/xapi/credentials")).Content.ReadAsStringAsync();

        Assert.Contains(LrsSite.Key, html);
        Assert.DoesNotContain(credential.Key, html);
    }
}
