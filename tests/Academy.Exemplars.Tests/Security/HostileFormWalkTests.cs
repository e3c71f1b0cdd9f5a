using Academy.Exemplars.Data;
using Academy.Exemplars.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Tests.Security;

/// The site-wide hostile-form walk (Academy.Testing.HostileForms, run for every module in Academy.Web.Tests) on
/// a trust with a record of every kind, so that the forms that appear only once something exists are posted too:
/// the evidence upload of a milestone, the change and remove forms of a draft return's items, the review form.
public sealed class HostileFormWalkTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string Trust = "RA7";

    [Theory]
    [InlineData(Roles.TrustLead)]
    [InlineData(Roles.NationalReviewer)]
    public async Task EveryExemplarForm_WithRecordsOfEveryKind_AnswersHostileValuesWithoutServerErrors(string role)
    {
        await Arrange.MilestoneAsync(site, Trust, m => m.Title = "EPR go-live");
        await Arrange.DbAsync(site, async db =>
        {
            var participationId = await db.Participations.Where(p => p.Trust.OdsCode == Trust).Select(p => p.Id).FirstAsync();
            if (await db.Returns.AnyAsync(r => r.ParticipationId == participationId)) return 0;
            var draft = new ProgressReturn { ParticipationId = participationId, PeriodStart = new DateOnly(2017, 4, 1), PeriodEnd = new DateOnly(2017, 6, 30), DueDate = new DateOnly(2017, 7, 31), NarrativeMarkdown = "Some progress." };
            draft.Risks.Add(new RiskIssue { ParticipationId = participationId, Description = "Supplier capacity", Likelihood = 3, Impact = 4, Owner = "CIO", Mitigation = "Second supplier" });
            var submitted = new ProgressReturn { ParticipationId = participationId, PeriodStart = new DateOnly(2017, 7, 1), PeriodEnd = new DateOnly(2017, 9, 30), DueDate = new DateOnly(2017, 10, 31), Status = ReturnStatus.Submitted, SubmittedBy = "lead@trust.test", SubmittedAt = DateTimeOffset.UtcNow };
            db.AddRange(draft, submitted);
            return await db.SaveChangesAsync();
        });
        var client = role == Roles.TrustLead ? await Arrange.LeadAsync(site, Trust) : await Arrange.ReviewerAsync(site);

        var forms = await SiteWalk.FormsAsync(client, $"/exemplars/trusts/{Trust}");
        var problems = await HostileForms.PostAllAsync(site, client, role, forms);

        if (role == Roles.TrustLead) Assert.Contains(forms, f => f.Multipart);
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) in {forms.Count} forms:\n" + string.Join("\n", problems.Take(60)));
    }
}
