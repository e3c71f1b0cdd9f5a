using System.Net;
using Academy.Exemplars.Data;
using Academy.Exemplars.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Exemplars.Tests.Funding;

public sealed class ClaimTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string TrustA = "RHM";
    private const string TrustB = "RA7";
    private const string ConcurrentTrust = "RBA";

    private static Task<int> ClaimAsync(AcademySite site, string ods, decimal amount) => Arrange.DbAsync(site, async db =>
    {
        var milestoneId = await Arrange.AchievedMilestoneAsync(site, ods);
        var participationId = await db.Milestones.Where(m => m.Id == milestoneId).Select(m => m.ParticipationId).SingleAsync();
        var claim = new Claim { ParticipationId = participationId, MilestoneId = milestoneId, Amount = amount, Status = ClaimStatus.Submitted, ClaimedBy = "lead@trust.test" };
        db.Claims.Add(claim);
        await db.SaveChangesAsync();
        return claim.Id;
    });

    [Fact]
    public async Task Post_NewClaim_AgainstAnAchievedMilestone_SendsItForADecision()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var participationId = await Arrange.ParticipationIdAsync(site, TrustA);
        var milestoneId = await Arrange.AchievedMilestoneAsync(site, TrustA);

        var response = await Forms.PostAsync(lead, $"/exemplars/participations/{participationId}/claims/new", new() { ["MilestoneId"] = milestoneId.ToString(), ["Amount"] = "£1,234,567.89" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var claim = await Arrange.DbAsync(site, db => db.Claims.AsNoTracking().SingleAsync(c => c.MilestoneId == milestoneId));
        Assert.Equal((1_234_567.89m, ClaimStatus.Submitted), (claim.Amount, claim.Status));
        Assert.Contains("£1,234,567.89", Html.Text(await lead.GetStringAsync($"/exemplars/trusts/{TrustA}")));
    }

    [Fact]
    public async Task Post_NewClaim_AgainstAMilestoneNotAchieved_ShowsTheError()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var participationId = await Arrange.ParticipationIdAsync(site, TrustA);
        var milestoneId = await Arrange.MilestoneAsync(site, TrustA);

        var response = await Forms.PostAsync(lead, $"/exemplars/participations/{participationId}/claims/new", new() { ["MilestoneId"] = milestoneId.ToString(), ["Amount"] = "100" });

        await Html.AssertHasFieldErrorAsync(response, "MilestoneId", "Select an achieved milestone from the list");
        Assert.False(await Arrange.DbAsync(site, db => db.Claims.AnyAsync(c => c.MilestoneId == milestoneId)));
    }

    [Fact]
    public async Task Post_NewClaim_WithANegativeAmount_ShowsTheError()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var participationId = await Arrange.ParticipationIdAsync(site, TrustA);
        var milestoneId = await Arrange.AchievedMilestoneAsync(site, TrustA);

        var response = await Forms.PostAsync(lead, $"/exemplars/participations/{participationId}/claims/new", new() { ["MilestoneId"] = milestoneId.ToString(), ["Amount"] = "-100" });

        await Html.AssertHasFieldErrorAsync(response, "Amount", "The amount must not be negative");
    }

    [Fact]
    public async Task Post_NewClaim_AgainstAnotherTrustsMilestone_IsRefused()
    {
        var lead = await Arrange.LeadAsync(site, TrustB);
        var ownParticipation = await Arrange.ParticipationIdAsync(site, TrustB);
        var otherTrustsMilestone = await Arrange.AchievedMilestoneAsync(site, TrustA);

        var response = await Forms.PostAsync(lead, $"/exemplars/participations/{ownParticipation}/claims/new", new() { ["MilestoneId"] = otherTrustsMilestone.ToString(), ["Amount"] = "100" });

        await Html.AssertHasFieldErrorAsync(response, "MilestoneId", "Select an achieved milestone from the list");
        Assert.False(await Arrange.DbAsync(site, db => db.Claims.AnyAsync(c => c.MilestoneId == otherTrustsMilestone)));
    }

    [Fact]
    public async Task Approve_AsTheTrustLead_IsRefusedAndTheClaimStaysUndecided()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var claimId = await ClaimAsync(site, TrustA, 100m);

        var response = await Forms.PostAsync(lead, $"/exemplars/claims/{claimId}", new() { ["Decision"] = "Approve" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
        Assert.Equal(ClaimStatus.Submitted, await Arrange.DbAsync(site, db => db.Claims.Where(c => c.Id == claimId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task Reject_WithoutAReason_ShowsTheError()
    {
        var reviewer = await Arrange.ReviewerAsync(site);
        var claimId = await ClaimAsync(site, TrustA, 100m);

        var response = await Forms.PostAsync(reviewer, $"/exemplars/claims/{claimId}", new() { ["Decision"] = "Reject" });

        await Html.AssertHasFieldErrorAsync(response, "Comment", "Enter the reason for rejecting the claim");
    }

    [Fact]
    public async Task Get_Claim_AsLeadOfAnotherTrust_ReturnsNotFound()
    {
        var otherLead = await Arrange.LeadAsync(site, TrustB);
        var claimId = await ClaimAsync(site, TrustA, 100m);

        Assert.Equal(HttpStatusCode.NotFound, (await otherLead.GetAsync($"/exemplars/claims/{claimId}")).StatusCode);
    }

    /// Eight reviewers approve eight £2m claims against one £10m allocation at the same moment:
    /// exactly five are approved, and approved claims add up to the allocation, not past it.
    [Fact]
    public async Task Approve_ConcurrentlyByManyReviewers_NeverPassesTheAllocation()
    {
        var participationId = await Arrange.ParticipationIdAsync(site, ConcurrentTrust);
        await Arrange.DbAsync(site, db => db.Participations.Where(p => p.Id == participationId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Allocation, 10_000_000m)));
        var claims = new List<int>();
        for (var i = 0; i < 8; i++) claims.Add(await ClaimAsync(site, ConcurrentTrust, 2_000_000m));
        var reviewers = new List<HttpClient>();
        var tokens = new List<string>();
        foreach (var claimId in claims)
        {
            var reviewer = await Arrange.ReviewerAsync(site);
            reviewers.Add(reviewer);
            tokens.Add(Forms.AntiForgeryToken(await reviewer.GetStringAsync($"/exemplars/claims/{claimId}"))!);
        }
        using var start = new SemaphoreSlim(0);

        var posts = claims.Select((claimId, i) => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await reviewers[i].PostAsync($"/exemplars/claims/{claimId}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Decision"] = "Approve", ["__RequestVerificationToken"] = tokens[i],
            }));
        })).ToList();
        start.Release(claims.Count);
        var responses = await Task.WhenAll(posts);

        var approved = await Arrange.DbAsync(site, db => db.Claims.AsNoTracking().Where(c => claims.Contains(c.Id) && c.Status == ClaimStatus.Approved).ToListAsync());
        var participation = await Arrange.DbAsync(site, db => db.Participations.AsNoTracking().SingleAsync(p => p.Id == participationId));
        Assert.Equal(5, approved.Count);
        Assert.Equal(10_000_000m, approved.Sum(c => c.Amount));
        Assert.Equal(10_000_000m, participation.ApprovedClaimsTotal);
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
    }

    /// The mechanism underneath: two contexts that read the participation at the same version cannot both save.
    [Fact]
    public async Task SaveChanges_WhenTheParticipationChangedSinceItWasRead_ThrowsAConcurrencyError()
    {
        var participationId = await Arrange.ParticipationIdAsync(site, TrustB);
        await using var scope1 = site.Services.CreateAsyncScope();
        await using var scope2 = site.Services.CreateAsyncScope();
        var first = scope1.ServiceProvider.GetRequiredService<ExemplarsDbContext>();
        var second = scope2.ServiceProvider.GetRequiredService<ExemplarsDbContext>();
        var a = await first.Participations.SingleAsync(p => p.Id == participationId);
        var b = await second.Participations.SingleAsync(p => p.Id == participationId);
        a.ApprovedClaimsTotal += 1m; a.Version++;
        b.ApprovedClaimsTotal += 1m; b.Version++;

        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }
}
