using Academy.Exemplars.Data;
using Academy.Exemplars.Tests.Support;
using Academy.Exemplars.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Exemplars.Tests.Jobs;

public sealed class ReturnReminderJobTests(AcademySite site) : IClassFixture<AcademySite>
{
    [Fact]
    public async Task Run_WhenReturnsAreOverdue_RemindsTheLeadWhoLastSubmittedAndLeavesApprovedPeriodsOut()
    {
        var lead = Arrange.NewEmail("lead-rth");
        await Arrange.DbAsync(site, async db =>
        {
            var participationId = await db.Participations.Where(p => p.Trust.OdsCode == "RTH").Select(p => p.Id).FirstAsync();
            db.Returns.Add(new ProgressReturn { ParticipationId = participationId, PeriodStart = new DateOnly(2016, 9, 1), PeriodEnd = new DateOnly(2016, 11, 30), DueDate = new DateOnly(2016, 12, 31), Status = ReturnStatus.Approved, SubmittedBy = lead, SubmittedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        var sent = await site.WithServicesAsync(services => services.GetRequiredService<ReturnReminderJob>().RunAsync(CancellationToken.None));

        Assert.Equal(1, sent);
        // Long lines arrive quoted-printable, with soft line breaks.
        var email = (await ReturnSteps.WaitForEmailAsync(site, e => e.Contains(lead) && e.Contains("Returns due"))).Replace("=\r\n", "").Replace("=\n", "");
        Assert.Contains("1 December 2016 to 28 February 2017: overdue since 28 March 2017", email);
        Assert.DoesNotContain("1 September 2016 to 30 November 2016", email);
    }
}
