using System.Net;
using Academy.Exemplars.Data;
using Academy.Exemplars.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Tests.Returns;

public sealed class ReturnWorkflowTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string TrustA = "RGR";
    private const string TrustB = "RAL";

    private async Task<(HttpClient Lead, int ParticipationId)> LeadAsync(string ods = TrustA) =>
        (await Arrange.LeadAsync(site, ods), await Arrange.ParticipationIdAsync(site, ods));

    [Fact]
    public async Task Submit_WhenComplete_LocksTheReturnAppliesMilestoneUpdatesAndEmailsEachReviewerByName()
    {
        var (lead, participationId) = await LeadAsync();
        var reviewerA = await Arrange.PersonAsync(site, "reviewer-a", Roles.NationalReviewer, name: "Ada Reviewer");
        var reviewerB = await Arrange.PersonAsync(site, "reviewer-b", Roles.NationalReviewer, name: "Ben Reviewer");
        var milestoneId = await Arrange.MilestoneAsync(site, TrustA);
        var id = await ReturnSteps.StartAsync(lead, TrustA, participationId, "2017-03-01");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(lead, $"/exemplars/returns/{id}/edit", ReturnSteps.CompleteFields())).StatusCode);
        var update = await Forms.PostAsync(lead, $"/exemplars/returns/{id}/milestone-updates/new", new()
        {
            ["MilestoneId"] = milestoneId.ToString(), ["ForecastDate"] = "2018-06-30", ["Status"] = "AtRisk", ["Comment"] = "Supplier slipped",
        });
        Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);

        var submitted = await ReturnSteps.SubmitAsync(lead, id);

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var stored = await Arrange.DbAsync(site, db => db.Returns.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(ReturnStatus.Submitted, stored.Status);
        var milestone = await Arrange.DbAsync(site, db => db.Milestones.AsNoTracking().SingleAsync(m => m.Id == milestoneId));
        Assert.Equal((new DateOnly(2018, 6, 30), MilestoneStatus.AtRisk), (milestone.ForecastDate, milestone.Status));
        foreach (var (to, name) in new[] { (reviewerA, "Ada Reviewer"), (reviewerB, "Ben Reviewer") })
        {
            var email = await ReturnSteps.WaitForEmailAsync(site, e => e.Contains($"To: {to}") && e.Contains($"/exemplars/returns/{id}/review"));
            Assert.Contains("Return submitted", email);
            Assert.Contains($"Dear {name},", email);
        }
        var notices = (await ReturnSteps.StoredEmailsAsync(site)).Where(e => e.Contains($"/exemplars/returns/{id}/review")).ToList();
        Assert.Single(notices, e => e.Contains($"To: {reviewerA}"));
        Assert.DoesNotContain(notices, e => e.Contains("To: lead-"));
        var edit = await Forms.PostAsync(lead, $"/exemplars/returns/{id}/edit", ReturnSteps.CompleteFields("1.00"), $"/exemplars/returns/{id}");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal($"/exemplars/returns/{id}?closed=1", edit.Headers.Location?.ToString());
        Assert.Equal(125000m, await Arrange.DbAsync(site, db => db.Returns.Where(r => r.Id == id).Select(r => r.NationalSpend).SingleAsync()));
    }

    [Fact]
    public async Task Submit_WhenRatingsAreMissing_ShowsTheProblemAndStaysDraft()
    {
        var (lead, participationId) = await LeadAsync();
        var id = await ReturnSteps.StartAsync(lead, TrustA, participationId, "2017-06-01");

        var response = await ReturnSteps.SubmitAsync(lead, id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html);
        Assert.Contains("Add a progress narrative before submitting the return", html);
        Assert.Equal(ReturnStatus.Draft, await Arrange.DbAsync(site, db => db.Returns.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Review_ReturnedWithComment_ThenResubmittedAndApproved_LocksItAndEmailsEveryLeadOfTheTrustEachTime()
    {
        var leadEmail = Arrange.NewEmail("lead-rgr");
        var lead = await site.SignInAsNewUserAsync(leadEmail, [Roles.TrustLead], TrustA);
        var participationId = await Arrange.ParticipationIdAsync(site, TrustA);
        var secondLead = await Arrange.PersonAsync(site, "lead-rgr", Roles.TrustLead, TrustA, name: "Sam Second");
        var leadOfB = await Arrange.PersonAsync(site, "lead-ral", Roles.TrustLead, TrustB);
        var reviewer = await Arrange.ReviewerAsync(site);
        var id = await ReturnSteps.StartAsync(lead, TrustA, participationId, "2017-09-01");
        await Forms.PostAsync(lead, $"/exemplars/returns/{id}/edit", ReturnSteps.CompleteFields("10"));
        await ReturnSteps.SubmitAsync(lead, id);

        var returned = await ReturnSteps.DecideAsync(reviewer, id, "Return", "Please quantify the benefits.");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Contains("Please quantify the benefits.", await lead.GetStringAsync($"/exemplars/returns/{id}"));
        foreach (var to in new[] { leadEmail, secondLead })
            await ReturnSteps.WaitForEmailAsync(site, e => e.Contains($"To: {to}") && e.Contains("Return needs changes") && e.Contains("Please quantify the benefits.") && e.Contains($"/exemplars/returns/{id}"));
        Assert.Contains("Dear Sam Second,", await ReturnSteps.WaitForEmailAsync(site, e => e.Contains($"To: {secondLead}") && e.Contains($"/exemplars/returns/{id}")));

        var fields = ReturnSteps.CompleteFields("10");
        fields["Form.BenefitsComment"] = "Falls down 12%";
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(lead, $"/exemplars/returns/{id}/edit", fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReturnSteps.SubmitAsync(lead, id)).StatusCode);
        var approved = await ReturnSteps.DecideAsync(reviewer, id, "Approve");

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(ReturnStatus.Approved, await Arrange.DbAsync(site, db => db.Returns.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
        foreach (var to in new[] { leadEmail, secondLead })
            await ReturnSteps.WaitForEmailAsync(site, e => e.Contains($"To: {to}") && e.Contains("Return approved") && e.Contains($"/exemplars/returns/{id}"));
        Assert.DoesNotContain(await ReturnSteps.StoredEmailsAsync(site), e => e.Contains($"To: {leadOfB}"));
        Assert.Equal($"/exemplars/returns/{id}?closed=1", (await lead.GetAsync($"/exemplars/returns/{id}/edit")).Headers.Location?.ToString());
        Assert.Equal($"/exemplars/returns/{id}?closed=1", (await reviewer.GetAsync($"/exemplars/returns/{id}/review")).Headers.Location?.ToString());
    }

    [Fact]
    public async Task Review_ReturnWithoutComment_ShowsTheErrorAndLeavesItSubmitted()
    {
        var (lead, participationId) = await LeadAsync();
        var reviewer = await Arrange.ReviewerAsync(site);
        var id = await ReturnSteps.StartAsync(lead, TrustA, participationId, "2017-12-01");
        await Forms.PostAsync(lead, $"/exemplars/returns/{id}/edit", ReturnSteps.CompleteFields("10"));
        await ReturnSteps.SubmitAsync(lead, id);

        var response = await ReturnSteps.DecideAsync(reviewer, id, "Return");

        await Html.AssertHasFieldErrorAsync(response, "Comment", "Enter a comment saying what the trust should change");
        Assert.Equal(ReturnStatus.Submitted, await Arrange.DbAsync(site, db => db.Returns.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Edit_WhenNationalSpendPassesTheAllocation_ShowsTheErrorAndSavesNothing()
    {
        var (lead, participationId) = await LeadAsync();
        var id = await ReturnSteps.StartAsync(lead, TrustA, participationId, "2018-03-01");

        var response = await Forms.PostAsync(lead, $"/exemplars/returns/{id}/edit", ReturnSteps.CompleteFields("10000000.01"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("National spend cannot take the total past the allocation of £10,000,000.00", Html.Text(await response.Content.ReadAsStringAsync()));
        var stored = await Arrange.DbAsync(site, db => db.Returns.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(("", 0m), (stored.NarrativeMarkdown, stored.NationalSpend));
    }

    [Fact]
    public async Task Edit_WhenSpendIsNegative_ShowsTheErrorBesideTheField()
    {
        var (lead, participationId) = await LeadAsync();
        var id = await ReturnSteps.StartAsync(lead, TrustA, participationId, "2018-06-01");

        var response = await Forms.PostAsync(lead, $"/exemplars/returns/{id}/edit", ReturnSteps.CompleteFields("-5"));

        await Html.AssertHasFieldErrorAsync(response, "Form_NationalSpend", "The national funding spent must not be negative");
    }

    [Fact]
    public async Task MilestoneUpdate_ForAnotherTrustsMilestone_IsRefusedAsUnknown()
    {
        var (lead, participationId) = await LeadAsync();
        var otherTrustsMilestone = await Arrange.MilestoneAsync(site, TrustB);
        var id = await ReturnSteps.StartAsync(lead, TrustA, participationId, "2018-09-01");

        var response = await Forms.PostAsync(lead, $"/exemplars/returns/{id}/milestone-updates/new", new()
        {
            ["MilestoneId"] = otherTrustsMilestone.ToString(), ["ForecastDate"] = "2018-06-30", ["Status"] = "AtRisk", ["Comment"] = "x",
        });

        await Html.AssertHasFieldErrorAsync(response, "MilestoneId", "Select a milestone from the list");
        Assert.False(await Arrange.DbAsync(site, db => db.MilestoneUpdates.AnyAsync(u => u.MilestoneId == otherTrustsMilestone)));
    }

    [Fact]
    public async Task Risk_WhenFieldsAreMissing_ShowsAnErrorForEach()
    {
        var (lead, participationId) = await LeadAsync();
        var id = await ReturnSteps.StartAsync(lead, TrustA, participationId, "2018-12-01");

        var response = await Forms.PostAsync(lead, $"/exemplars/returns/{id}/risks/new", new() { ["Kind"] = "Risk", ["Likelihood"] = "9" });

        await Html.AssertHasFieldErrorAsync(response, "Description", "Enter a description");
        await Html.AssertHasFieldErrorAsync(response, "Likelihood", "Select a likelihood from 1 to 5");
        await Html.AssertHasFieldErrorAsync(response, "Owner", "Enter the owner");
        Assert.False(await Arrange.DbAsync(site, db => db.Risks.AnyAsync(r => r.ReturnId == id)));
    }

    [Fact]
    public async Task Return_AsLeadOfAnotherTrust_IsNotFoundAndCannotBeReviewedByALead()
    {
        var (lead, participationId) = await LeadAsync();
        var otherLead = await Arrange.LeadAsync(site, TrustB);
        var id = await ReturnSteps.StartAsync(lead, TrustA, participationId, "2019-03-01");

        Assert.Equal(HttpStatusCode.NotFound, (await otherLead.GetAsync($"/exemplars/returns/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherLead.GetAsync($"/exemplars/returns/{id}/audit")).StatusCode);
        var review = await lead.GetAsync($"/exemplars/returns/{id}/review");
        Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);
        Assert.StartsWith("/account/access-denied", review.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Audit_OfAReturn_ListsWhoChangedWhichFieldFromWhatToWhat()
    {
        var (lead, participationId) = await LeadAsync();
        var id = await ReturnSteps.StartAsync(lead, TrustA, participationId, "2019-06-01");
        await Forms.PostAsync(lead, $"/exemplars/returns/{id}/edit", ReturnSteps.CompleteFields("10"));
        await Forms.PostAsync(lead, $"/exemplars/returns/{id}/edit", ReturnSteps.CompleteFields("20"));

        var html = Html.Text(await lead.GetStringAsync($"/exemplars/returns/{id}/audit"));

        // Issue 13: the trail reads in the service's words, money in pounds.
        Assert.Contains("Return '1 June 2019 to 31 August 2019': national funding spent changed from £10.00 to £20.00", html);
        Assert.Contains("Return '1 June 2019 to 31 August 2019': national funding spent changed from £0.00 to £10.00", html);
        var entries = await Arrange.DbAsync(site, db => db.AuditEntries.AsNoTracking().Where(a => a.ReturnId == id).ToListAsync());
        Assert.All(entries, a => Assert.StartsWith("lead-rgr", a.Actor));
    }

    [Fact]
    public async Task AuditTrail_CannotBeChangedOrDeleted()
    {
        var (lead, participationId) = await LeadAsync();
        var id = await ReturnSteps.StartAsync(lead, TrustA, participationId, "2019-09-01");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Arrange.DbAsync(site, async db =>
        {
            var entry = await db.AuditEntries.FirstAsync(a => a.ReturnId == id);
            entry.NewValue = "tampered";
            return await db.SaveChangesAsync();
        }));

        Assert.Equal("The audit trail is append-only.", error.Message);
    }
}
