using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;

namespace Academy.Exemplars.Tests.Support;

public static partial class ReturnSteps
{
    /// Starts the return for a period from the trust page and answers its id.
    public static async Task<int> StartAsync(HttpClient lead, string ods, int participationId, string periodStart)
    {
        var response = await Forms.PostAsync(lead, $"/exemplars/participations/{participationId}/returns/start", new() { ["PeriodStart"] = periodStart }, $"/exemplars/trusts/{ods}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(ReturnId().Match(response.Headers.Location!.ToString()).Groups[1].Value);
    }

    public static Dictionary<string, string> CompleteFields(string nationalSpend = "125000.00") => new()
    {
        ["Form.Narrative"] = "We **went live** with the EPR in two wards.",
        ["Form.TimeRag"] = "Amber", ["Form.TimeComment"] = "Two weeks behind",
        ["Form.BudgetRag"] = "Green", ["Form.BudgetComment"] = "",
        ["Form.ScopeQualityRag"] = "Green", ["Form.ScopeQualityComment"] = "",
        ["Form.RiskRag"] = "Red", ["Form.RiskComment"] = "Supplier capacity",
        ["Form.BenefitsRag"] = "Green", ["Form.BenefitsComment"] = "",
        ["Form.DeliveryConfidence"] = "Amber",
        ["Form.NationalSpend"] = nationalSpend, ["Form.LocalSpend"] = "40000",
    };

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient lead, int id) =>
        await Forms.PostAsync(lead, $"/exemplars/returns/{id}/check", []);

    public static async Task<HttpResponseMessage> DecideAsync(HttpClient reviewer, int id, string decision, string comment = "") =>
        await Forms.PostAsync(reviewer, $"/exemplars/returns/{id}/review", new() { ["Decision"] = decision, ["Comment"] = comment });

    /// Email is stored in the outbox in the same transaction as the change, then a background job sends it to
    /// the pickup folder. Match either: the outbox row is this module's promise; sending is the notifications module's
    /// (the browser journey checks the pickup folder; under load the job can lag behind a test's patience).
    public static async Task<string> WaitForEmailAsync(AcademySite site, Func<string, bool> match)
    {
        for (var i = 0; i < 150; i++)
        {
            if (site.PickedUpEmails().FirstOrDefault(match) is { } found) return found;
            if ((await StoredEmailsAsync(site)).FirstOrDefault(match) is { } row) return row;
            await Task.Delay(200);
        }
        throw new Xunit.Sdk.XunitException("No such email reached the pickup folder. Emails:\n" + string.Join("\n---\n", site.PickedUpEmails()));
    }

    /// Every email the outbox holds, sent or not, as "To: …, Subject: …, body". The messages of one change are stored
    /// in its transaction: once one of them is seen, all are, so a missing one is missing for good.
    public static Task<List<string>> StoredEmailsAsync(AcademySite site) => site.WithServicesAsync(async services =>
    {
        var outbox = services.GetRequiredService<Academy.Notifications.Data.NotificationsDbContext>();
        return (await outbox.OutboxMessages.AsNoTracking().ToListAsync()).Select(m => $"To: {m.To}\nSubject: {m.Subject}\n\n{m.TextBody}").ToList();
    });

    [GeneratedRegex(@"/exemplars/returns/(\d+)")] private static partial Regex ReturnId();
}
