using Academy.Exemplars.Data;
using Academy.Exemplars.Tests.Support;
using Academy.Exemplars.Returns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Exemplars.Tests.Returns;

public sealed class ReturnReminderJobTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string TrustA = "RTH";
    private const string TrustB = "RBA";

    [Fact]
    public async Task Run_WhenReturnsAreOverdue_RemindsEveryLeadOfEachTrustOnceAndLeavesApprovedPeriodsOut()
    {
        await Arrange.ProgrammesRunUntilAsync(site, new DateOnly(2099, 3, 31));
        var leadA1 = await Arrange.PersonAsync(site, "lead-rth", Roles.TrustLead, TrustA, name: "Alex Oxford");
        var leadA2 = await Arrange.PersonAsync(site, "lead-rth", Roles.TrustLead, TrustA, name: "Bo Oxford");
        var leadB = await Arrange.PersonAsync(site, "lead-rba", Roles.TrustLead, TrustB);
        await Arrange.DbAsync(site, async db =>
        {
            var participationId = await db.Participations.Where(p => p.Trust.OdsCode == TrustA).Select(p => p.Id).FirstAsync();
            db.Returns.Add(new ProgressReturn { ParticipationId = participationId, PeriodStart = new DateOnly(2016, 9, 1), PeriodEnd = new DateOnly(2016, 11, 30), DueDate = new DateOnly(2016, 12, 31), Status = ReturnStatus.Approved, SubmittedBy = "someone-else@trust.test", SubmittedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        var sent = await site.WithServicesAsync(services => services.GetRequiredService<ReturnReminderJob>().RunAsync(CancellationToken.None));

        // One message for each lead: two for trust A, one for trust B; the ten trusts with no lead get none.
        Assert.Equal(3, sent);
        foreach (var (lead, name) in new[] { (leadA1, "Alex Oxford"), (leadA2, "Bo Oxford") })
        {
            // Long lines arrive quoted-printable, with soft line breaks.
            var email = (await ReturnSteps.WaitForEmailAsync(site, e => e.Contains($"To: {lead}") && e.Contains("Returns due"))).Replace("=\r\n", "").Replace("=\n", "");
            Assert.Contains($"Dear {name},", email);
            Assert.Contains("Oxford University Hospitals", email);
            Assert.Contains("1 December 2016 to 28 February 2017: overdue since 28 March 2017", email);
            Assert.DoesNotContain("1 September 2016 to 30 November 2016", email);
        }
        var stored = await ReturnSteps.StoredEmailsAsync(site);
        Assert.Single(stored, e => e.Contains($"To: {leadB}") && e.Contains("Taunton and Somerset"));
        Assert.DoesNotContain(stored, e => e.Contains($"To: {leadB}") && e.Contains("Oxford University Hospitals"));
        Assert.DoesNotContain(stored, e => e.Contains("To: someone-else@trust.test"));
    }

    [Fact]
    public async Task Run_WithThePublicUrlSet_LinksToTheTrustPageOnThatSite()
    {
        await using var own = AcademySite.Create(overrides: new Dictionary<string, string?> { ["Academy:PublicUrl"] = "https://academy.example.nhs.uk/" });
        await Arrange.ProgrammesRunUntilAsync(own, new DateOnly(2099, 3, 31));
        var lead = await Arrange.PersonAsync(own, "lead-rhm", Roles.TrustLead, "RHM");

        await own.WithServicesAsync(services => services.GetRequiredService<ReturnReminderJob>().RunAsync(CancellationToken.None));

        var email = (await ReturnSteps.WaitForEmailAsync(own, e => e.Contains($"To: {lead}"))).Replace("=\r\n", "").Replace("=\n", "");
        Assert.Contains("Open the trust page: https://academy.example.nhs.uk/exemplars/trusts/RHM", email);
    }
}
