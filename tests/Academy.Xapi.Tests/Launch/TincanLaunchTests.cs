using System.Text.Json.Nodes;
using Academy.Xapi.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Xapi.Tests.Launch;

/// tincanjs 0.50.0 in Node, as a launched lesson page uses it: only the launch credential's
/// Authorization header, a statement and the bookmark for the learner's registration.
public sealed class TincanLaunchTests : IAsyncLifetime
{
    private readonly LrsSite site = LrsSite.CreateLrs(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task Tincanjs_WithALaunchCredential_SendsAStatementAndSavesState_AndAnotherRegistrationIsRefused()
    {
        var endpoint = new Uri(site.ServerAddress, "/xapi/").ToString();
        var learner = XapiAgent.Learner(Guid.NewGuid().ToString());
        var registration = Guid.NewGuid();
        const string course = "https://academy.test/courses/digital-foundations";
        var credential = await site.WithServicesAsync(s => s.GetRequiredService<ILaunchCredentials>().IssueAsync(new LaunchScope(learner, registration, course)));

        var seen = await TincanNode.RunAsync("launch-client.js", endpoint, credential.AuthorizationHeader, learner.AccountHomePage!, learner.AccountName!, registration.ToString(), course);

        Assert.Equal("passwords", seen["bookmark"]!.GetValue<string>());
        Assert.Equal(403, seen["otherRegistrationStatus"]!.GetValue<int>());
        var client = new HttpClient { BaseAddress = site.ServerAddress };
        client.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        client.DefaultRequestHeaders.Authorization = LrsSite.Basic(LrsSite.Key, LrsSite.Secret);
        var stored = await Json.ReadAsync(await client.GetAsync($"/xapi/statements?statementId={seen["savedId"]!.GetValue<string>()}"));
        Assert.Equal(learner.AccountName, stored["actor"]!["account"]!["name"]!.GetValue<string>());
        Assert.Equal(registration.ToString(), stored["context"]!["registration"]!.GetValue<string>());
        Assert.Equal(credential.Key, stored["authority"]!["account"]!["name"]!.GetValue<string>());
        var refused = await client.GetAsync($"/xapi/statements?statementId={seen["otherRegistrationId"]!.GetValue<string>()}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, refused.StatusCode);
    }
}
