using System.Net;
using Academy.Exemplars.Data;
using Academy.Exemplars.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Tests.Milestones;

public sealed class MilestoneTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string TrustA = "RM3";
    private const string TrustB = "RBL";

    [Fact]
    public async Task Post_NewMilestone_WhenValid_SavesItAndShowsItOnTheTrustTimeline()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var participationId = await Arrange.ParticipationIdAsync(site, TrustA);
        var title = "Go live " + Guid.NewGuid().ToString("N")[..6];

        var response = await Forms.PostAsync(lead, $"/exemplars/participations/{participationId}/milestones/new", Arrange.MilestoneFields(title));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var trustPage = await lead.GetStringAsync($"/exemplars/trusts/{TrustA}");
        Assert.Contains(title, trustPage);
        Assert.Contains("Medicines and e-prescribing", trustPage);
    }

    [Fact]
    public async Task Post_NewMilestone_WhenForecastIsBeforeTheProgrammeStarts_ShowsTheErrorAndSavesNothing()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var participationId = await Arrange.ParticipationIdAsync(site, TrustA);
        var title = "Too early " + Guid.NewGuid().ToString("N")[..6];

        var response = await Forms.PostAsync(lead, $"/exemplars/participations/{participationId}/milestones/new",
            Arrange.MilestoneFields(title, baseline: "2016-10-01", forecast: "2016-08-01"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "Form_ForecastDate", "The forecast date must be on or after the programme starts, 1 September 2016");
        Assert.False(await Arrange.DbAsync(site, db => db.Milestones.AnyAsync(m => m.Title == title)));
    }

    [Fact]
    public async Task Post_NewMilestone_WhenForecastIsPastBaselineButOnTrack_AsksForAtRiskOrLate()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var participationId = await Arrange.ParticipationIdAsync(site, TrustA);

        var response = await Forms.PostAsync(lead, $"/exemplars/participations/{participationId}/milestones/new",
            Arrange.MilestoneFields(baseline: "2018-04-01", forecast: "2018-06-01", status: "OnTrack"));

        await Html.AssertHasFieldErrorAsync(response, "Form_Status", "A milestone forecast after its baseline date is at risk or late: select at risk or late");
    }

    [Fact]
    public async Task Get_Milestone_WhenForecastIsPastBaseline_SaysWhyItIsAtRisk()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var id = await Arrange.MilestoneAsync(site, TrustA, m => { m.ForecastDate = new DateOnly(2018, 5, 11); m.Status = MilestoneStatus.AtRisk; });

        var html = Html.Text(await lead.GetStringAsync($"/exemplars/milestones/{id}"));

        Assert.Contains("Why this milestone is at risk", html);
        Assert.Contains("The forecast date, 11 May 2018, is 40 days after the baseline date, 1 April 2018.", html);
    }

    [Fact]
    public async Task Post_NewMilestone_WhenAchievedWithoutEvidenceOrDate_ShowsBothErrors()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var participationId = await Arrange.ParticipationIdAsync(site, TrustA);

        var response = await Forms.PostAsync(lead, $"/exemplars/participations/{participationId}/milestones/new", Arrange.MilestoneFields(status: "Achieved"));

        await Html.AssertHasFieldErrorAsync(response, "Form_ActualDate", "Enter the date the milestone was achieved");
        await Html.AssertHasFieldErrorAsync(response, "Form_Status", "Upload evidence before marking the milestone achieved");
    }

    [Fact]
    public async Task Post_EditMilestone_WhenAchievedWithEvidenceAndDate_MarksItAchievedAndAuditsTheChange()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var id = await Arrange.MilestoneAsync(site, TrustA, m => m.Evidence.Add(new EvidenceFile { ParticipationId = m.ParticipationId, FileName = "a.pdf", ContentType = "application/pdf", StoredName = "x", Length = 1 }));

        var response = await Forms.PostAsync(lead, $"/exemplars/milestones/{id}/edit", Arrange.MilestoneFields(status: "Achieved", actual: "2018-03-30"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var milestone = await Arrange.DbAsync(site, db => db.Milestones.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(MilestoneStatus.Achieved, milestone.Status);
        var audit = await Arrange.DbAsync(site, db => db.AuditEntries.AsNoTracking().Where(a => a.Entity == "Milestone" && a.RecordId == id.ToString() && a.Field == "Status").ToListAsync());
        Assert.Contains(audit, a => a.OldValue == "OnTrack" && a.NewValue == "Achieved" && a.Actor.StartsWith("lead-rm3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_TrustPage_AsLeadOfAnotherTrust_ReturnsNotFound()
    {
        var otherLead = await Arrange.LeadAsync(site, TrustB);

        var response = await otherLead.GetAsync($"/exemplars/trusts/{TrustA}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_EditMilestone_AsLeadOfAnotherTrust_ReturnsNotFoundAndChangesNothing()
    {
        var ownLead = await Arrange.LeadAsync(site, TrustB);
        var id = await Arrange.MilestoneAsync(site, TrustA);
        // The other trust's lead takes a token from a page of their own and posts to trust A's milestone id.
        var ownMilestone = await Arrange.MilestoneAsync(site, TrustB);

        var response = await Forms.PostAsync(ownLead, $"/exemplars/milestones/{id}/edit", Arrange.MilestoneFields(title: "Hijacked"), pageUrl: $"/exemplars/milestones/{ownMilestone}/edit");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("Hijacked", await Arrange.DbAsync(site, db => db.Milestones.Where(m => m.Id == id).Select(m => m.Title).SingleAsync()));
    }

    [Fact]
    public async Task Post_EditMilestone_WithAnIdFieldInTheForm_ChangesOnlyTheMilestoneInTheAddress()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var inAddress = await Arrange.MilestoneAsync(site, TrustA);
        var inForm = await Arrange.MilestoneAsync(site, TrustA);
        var fields = Arrange.MilestoneFields(title: "Changed through the address");
        fields["id"] = inForm.ToString();

        var response = await Forms.PostAsync(lead, $"/exemplars/milestones/{inAddress}/edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var titles = await Arrange.DbAsync(site, db => db.Milestones.Where(m => m.Id == inAddress || m.Id == inForm).ToDictionaryAsync(m => m.Id, m => m.Title));
        Assert.Equal("Changed through the address", titles[inAddress]);
        Assert.NotEqual("Changed through the address", titles[inForm]);
    }

    [Fact]
    public async Task Post_NewMilestone_ToAnotherTrustsParticipation_ReturnsNotFound()
    {
        var otherLead = await Arrange.LeadAsync(site, TrustB);
        var participationA = await Arrange.ParticipationIdAsync(site, TrustA);
        var participationB = await Arrange.ParticipationIdAsync(site, TrustB);

        var response = await Forms.PostAsync(otherLead, $"/exemplars/participations/{participationA}/milestones/new", Arrange.MilestoneFields("Planted"),
            pageUrl: $"/exemplars/participations/{participationB}/milestones/new");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await Arrange.DbAsync(site, db => db.Milestones.AnyAsync(m => m.Title == "Planted")));
    }

    [Fact]
    public async Task Get_TrustPage_AsNationalReviewer_ShowsTheTrustButNoEditLinks()
    {
        var reviewer = await Arrange.ReviewerAsync(site);

        var html = await reviewer.GetStringAsync($"/exemplars/trusts/{TrustA}");

        Assert.Contains("Milestones", html);
        Assert.DoesNotContain("Add a milestone", html);
    }
}
