using Academy.Exemplars.Tests.Support;
using Academy.Exemplars.Returns;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Exemplars.Tests.Programmes;

/// The recipe's programmes ended on 31 March 2020: closed programmes ask nothing more of their trusts.
public sealed class ClosedProgrammeTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string Trust = "RLN";

    [Fact]
    public async Task Run_WhenTheProgrammeHasEnded_SendsNoReminders()
    {
        await Arrange.PersonAsync(site, "lead-rln", Roles.TrustLead, Trust);

        var sent = await site.WithServicesAsync(services => services.GetRequiredService<ReturnReminderJob>().RunAsync(CancellationToken.None));

        Assert.Equal(0, sent);
    }

    [Fact]
    public async Task TrustPage_OfAnEndedProgramme_ShowsMissingReturnsAsNotSubmittedNotOverdue_NewestFirst()
    {
        var lead = await Arrange.LeadAsync(site, Trust);

        var text = Html.Text(await lead.GetStringAsync($"/exemplars/trusts/{Trust}"));

        Assert.Contains("it is closed, and no more returns are due", text);
        Assert.Contains("Not submitted", text);
        // The returns, not the workforce's courses above them (whose own "Overdue" is about learning).
        Assert.DoesNotContain("Overdue", text[text.IndexOf("Returns for each reporting period", StringComparison.Ordinal)..]);
        Assert.DoesNotContain("Start the return", text);
        var periods = System.Text.RegularExpressions.Regex.Matches(text, @"(\d{1,2} [A-Z][a-z]+ \d{4}) to \d{1,2} [A-Z][a-z]+ \d{4} \d{1,2} [A-Z][a-z]+ \d{4} Not submitted")
            .Select(m => DateOnly.Parse(m.Groups[1].Value, Format.EnGb)).ToList();
        Assert.True(periods.Count > 4, text);
        Assert.Equal(periods.OrderByDescending(d => d), periods);
    }
}
