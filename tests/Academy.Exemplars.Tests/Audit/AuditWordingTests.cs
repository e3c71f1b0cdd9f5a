using System.Net;
using Academy.Exemplars.Tests.Support;

namespace Academy.Exemplars.Tests.Audit;

public sealed class AuditWordingTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string Trust = "RBA";

    [Fact]
    public async Task TrustAudit_SpeaksTheServicesLanguage_WithNamesAndReadableDates()
    {
        var email = Arrange.NewEmail("lead-rba");
        await site.CreateUserAsync(email, [Roles.TrustLead], Trust, name: "Lena Lead");
        var lead = await site.SignInAsync(email, "a-long-enough-password");
        var id = await Arrange.MilestoneAsync(site, Trust, m => { m.Title = "EPR go-live"; m.Status = Academy.Exemplars.Data.MilestoneStatus.AtRisk; m.ForecastDate = new DateOnly(2018, 6, 1); });
        var fields = Arrange.MilestoneFields(title: "EPR go-live", baseline: "2018-04-01", forecast: "2018-06-01", status: "Late", area: "Epr");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(lead, $"/exemplars/milestones/{id}/edit", fields)).StatusCode);

        var text = Html.Text(await lead.GetStringAsync($"/exemplars/trusts/{Trust}/audit"));

        Assert.Contains("Milestone 'EPR go-live': status changed from At risk to Late", text);
        Assert.Contains("Lena Lead", text);
        Assert.DoesNotContain("Modified", text);
        Assert.Matches(@"\d{1,2} [A-Z][a-z]+ 20\d\d \d\d:\d\d", text);
        Assert.DoesNotMatch(@"20\d\d-\d\d-\d\dT", text);
    }
}
