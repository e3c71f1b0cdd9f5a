using System.Net;
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
        await Forms.PostAsync(lead, $"/exemplars/returns/{id}?handler=Submit", [], $"/exemplars/returns/{id}");

    public static async Task<HttpResponseMessage> DecideAsync(HttpClient reviewer, int id, string decision, string comment = "") =>
        await Forms.PostAsync(reviewer, $"/exemplars/returns/{id}/review", new() { ["Decision"] = decision, ["Comment"] = comment });

    /// Email leaves through the outbox and a background job: wait for it to reach the pickup folder.
    public static async Task<string> WaitForEmailAsync(AcademySite site, Func<string, bool> match)
    {
        for (var i = 0; i < 450; i++)
        {
            if (site.PickedUpEmails().FirstOrDefault(match) is { } found) return found;
            await Task.Delay(200);
        }
        throw new Xunit.Sdk.XunitException("No such email reached the pickup folder. Emails:\n" + string.Join("\n---\n", site.PickedUpEmails()));
    }

    [GeneratedRegex(@"/exemplars/returns/(\d+)")] private static partial Regex ReturnId();
}
