using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Academy.Learning.Courses;
using Academy.Learning.SelfAssessment;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Learning.Tests.Support;

/// Takes the self-assessment through its pages (as a browser without JavaScript posts them), or through its rules
/// for tests that need many people, and reads what the LRS holds for an attempt.
public static class SelfAssessments
{
    /// Ratings for a statement: (where I am now, where I need to be).
    public delegate (int Now, int Need) Rate(CapabilityStatements.Item item);

    public static Rate Everywhere(int now, int need) => _ => (now, need);

    public static Dictionary<string, string> Form(CapabilityDomains.Info domain, Rate rate) =>
        CapabilityStatements.For(domain.Domain).SelectMany(i =>
        {
            var (now, need) = rate(i);
            return new[]
            {
                KeyValuePair.Create($"Statement{i.Number}.Now", now.ToString(CultureInfo.InvariantCulture)),
                KeyValuePair.Create($"Statement{i.Number}.Need", need.ToString(CultureInfo.InvariantCulture)),
            };
        }).ToDictionary();

    /// Answers every domain's page and submits on check-your-answers; returns the attempt's registration.
    public static async Task<Guid> TakeAsync(HttpClient client, Rate rate)
    {
        foreach (var domain in CapabilityDomains.All)
        {
            var url = SelfAssessmentPaths.Domain(domain);
            var saved = await Forms.PostAsync(client, url, Form(domain, rate));
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"POST {url} answered {(int)saved.StatusCode}: {await saved.Content.ReadAsStringAsync()}");
        }
        var submitted = await Forms.PostAsync(client, SelfAssessmentPaths.Check, []);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var location = submitted.Headers.Location!.OriginalString;
        Assert.StartsWith(SelfAssessmentPaths.Start + "/results/", location, StringComparison.Ordinal);
        return Guid.Parse(location[(location.LastIndexOf('/') + 1)..]);
    }

    /// The same submission through the module's rules, for a person of a trust (many people, quickly).
    public static Task<SelfAssessmentAttempt> SubmitAsync(AcademySite site, string userId, string? trust, Rate rate) => site.WithServicesAsync(async sp =>
    {
        var rules = sp.GetRequiredService<SelfAssessmentRules>();
        foreach (var domain in CapabilityDomains.All)
            await rules.SaveDomainAsync(userId, domain.Domain,
                CapabilityStatements.For(domain.Domain).ToDictionary(i => i.Key, i => rate(i)), CancellationToken.None);
        var (outcome, attempt) = await rules.SubmitAsync(userId, trust, CancellationToken.None);
        Assert.Equal(SelfAssessmentRules.SubmitOutcome.Submitted, outcome);
        return attempt!;
    });

    /// Every statement the LRS returns for the registration, from /xapi/statements.
    public static async Task<List<JsonObject>> StatementsAsync(LearningSite site, Guid registration)
    {
        var response = await site.Lrs().GetAsync($"/xapi/statements?registration={registration}&limit=500");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /xapi/statements answered {(int)response.StatusCode}: {body}");
        return [.. JsonNode.Parse(body)!["statements"]!.AsArray().Select(s => s!.AsObject())];
    }

    /// A new person of the trust with the role, signed in.
    public static async Task<(string UserId, HttpClient Client)> PersonAsync(AcademySite site, string role = Roles.Learner, string? trust = null)
    {
        var email = Arrange.NewEmail(role.ToLowerInvariant());
        var userId = await site.CreateUserAsync(email, [role], trust);
        return (userId, await site.SignInAsync(email, Arrange.Password));
    }

    /// An ODS code no other test uses.
    public static string NewTrust() => "T" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
}
