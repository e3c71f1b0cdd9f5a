using System.Net;
using Academy.Exemplars.Data;
using Academy.Exemplars.Tests.Support;
using Academy.Exemplars.Milestones;
using Academy.Exemplars.Pages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Tests.Portfolio;

public sealed class PortfolioTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string Trust = "RLN";

    private Task ReturnAsync(DateOnly periodStart, ReturnStatus status, Rag time, Rag budget, Rag confidence, decimal spend) => Arrange.DbAsync(site, async db =>
    {
        var participationId = await db.Participations.Where(p => p.Trust.OdsCode == Trust).Select(p => p.Id).FirstAsync();
        if (await db.Returns.AnyAsync(r => r.ParticipationId == participationId && r.PeriodStart == periodStart)) return 0;
        db.Returns.Add(new ProgressReturn
        {
            ParticipationId = participationId, PeriodStart = periodStart, PeriodEnd = periodStart.AddMonths(3).AddDays(-1), DueDate = periodStart.AddMonths(4), Status = status,
            TimeRag = time, BudgetRag = budget, ScopeQualityRag = Rag.Green, RiskRag = Rag.Green, BenefitsRag = Rag.Green, DeliveryConfidence = confidence, NationalSpend = spend,
        });
        return await db.SaveChangesAsync();
    });

    private async Task ArrangeReturnsAsync()
    {
        await ReturnAsync(new DateOnly(2016, 9, 1), ReturnStatus.Approved, Rag.Green, Rag.Green, Rag.Green, 1_000_000m);
        await ReturnAsync(new DateOnly(2016, 12, 1), ReturnStatus.Submitted, Rag.Green, Rag.Red, Rag.Amber, 234_567.89m);
    }

    [Fact]
    public async Task Get_Portfolio_ShowsEachExemplarsRatingWithItsDriverSpendAndReturnsAwaitingReview()
    {
        await ArrangeReturnsAsync();
        var reviewer = await Arrange.ReviewerAsync(site);

        var html = Html.Text(await reviewer.GetStringAsync("/exemplars/portfolio"));

        Assert.Contains("City Hospitals Sunderland NHS Foundation Trust Global Digital Exemplar North East and Yorkshire Amber Driven by: Budget £10,000,000.00 £0.00 £1,234,567.89 0 0 0 1", html);
        Assert.Contains("City Hospitals Sunderland NHS Foundation Trust 1 September 2016 Green None (all green) Approved", html);
    }

    [Fact]
    public async Task Csv_OfThePortfolio_HasAHeaderAndExactAmounts()
    {
        await ArrangeReturnsAsync();
        var reviewer = await Arrange.ReviewerAsync(site);

        var response = await reviewer.GetAsync("/exemplars/portfolio?handler=Csv&table=portfolio");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("ODS code,Trust,Programme,Region,RAG,Driven by,RAG period,Allocation,Claimed,Spent,Milestones achieved,Milestones due,Milestones late,Returns awaiting review,People enrolled,Enrolments,Completed,Overdue,Self-assessment people", lines[0]);
        Assert.Contains("RLN,City Hospitals Sunderland NHS Foundation Trust,Global Digital Exemplar,North East and Yorkshire,Amber,Budget,2016-12-01,10000000.00,0.00,1234567.89,0,0,0,1,0,0,0,0,Fewer than 5 people", lines);
        Assert.Equal(13, lines.Count);
    }

    [Fact]
    public async Task Csv_OfTheHistory_ListsTheRatedPeriods()
    {
        await ArrangeReturnsAsync();
        var reviewer = await Arrange.ReviewerAsync(site);

        var csv = await reviewer.GetStringAsync("/exemplars/portfolio?handler=Csv&table=history");

        Assert.Contains("RLN,City Hospitals Sunderland NHS Foundation Trust,2016-12-01,Amber,Budget,Submitted", csv);
    }

    [Fact]
    public async Task Get_Portfolio_FilteredByRegion_ShowsOnlyThatRegionsTrusts()
    {
        var reviewer = await Arrange.ReviewerAsync(site);

        var html = Html.Text(await reviewer.GetStringAsync("/exemplars/portfolio?region=North+West"));

        Assert.Contains("Royal Liverpool and Broadgreen", html);
        Assert.DoesNotContain("City Hospitals Sunderland", html);
    }

    [Fact]
    public async Task Get_Portfolio_FilteredByCapability_CountsOnlyThatAreasMilestones()
    {
        await Arrange.MilestoneAsync(site, "RQ6", m => m.CapabilityArea = CapabilityArea.PatientAccess);
        var reviewer = await Arrange.ReviewerAsync(site);

        var csv = await reviewer.GetStringAsync("/exemplars/portfolio?handler=Csv&table=portfolio&capability=PatientAccess");

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("RQ6,", lines[1]);
    }

    [Fact]
    public async Task Get_Portfolio_HasAChartWithItsDataAndNoStyleAttributes()
    {
        var reviewer = await Arrange.ReviewerAsync(site);

        var html = await reviewer.GetStringAsync("/exemplars/portfolio");

        Assert.Contains("<svg class=\"app-chart\" role=\"img\" aria-labelledby=\"chart-spend chart-spend-desc\"", html);
        Assert.Contains("Data for the chart: spend and claims against allocation", html);
        Assert.DoesNotContain("style=", html);
    }

    [Fact]
    public async Task Get_Portfolio_CountsEachMilestoneOnceAsAchievedDueOrLate()
    {
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1);
        await Arrange.MilestoneAsync(site, "RBA", m => { m.CapabilityArea = CapabilityArea.Interoperability; m.BaselineDate = future; m.ForecastDate = future; });
        await Arrange.MilestoneAsync(site, "RBA", m => { m.CapabilityArea = CapabilityArea.Interoperability; m.BaselineDate = future; m.ForecastDate = future.AddMonths(2); m.Status = MilestoneStatus.Late; });
        await Arrange.MilestoneAsync(site, "RBA", m => m.CapabilityArea = CapabilityArea.Interoperability);
        await Arrange.MilestoneAsync(site, "RBA", m => { m.CapabilityArea = CapabilityArea.Interoperability; m.Status = MilestoneStatus.Achieved; m.ActualDate = new DateOnly(2018, 3, 1); });
        var reviewer = await Arrange.ReviewerAsync(site);

        var csv = await reviewer.GetStringAsync("/exemplars/portfolio?handler=Csv&table=portfolio&capability=Interoperability&region=South+West");

        var line = Assert.Single(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("RBA,"));
        Assert.EndsWith(",1,1,2,0,0,0,0,0,Fewer than 5 people", line.TrimEnd('\r'));
    }

    [Fact]
    public async Task Get_Portfolio_MilestoneStatusOverTime_ShowsTheStatusEachMilestoneHadAtEachQuarterEnd()
    {
        var points = MilestoneTrend.Points(DateOnly.FromDateTime(DateTime.UtcNow));
        var started = await Arrange.MilestoneAsync(site, "RRK", m => m.CapabilityArea = CapabilityArea.WorkforceDigitalSkills);
        var late = await Arrange.MilestoneAsync(site, "RRK", m => { m.CapabilityArea = CapabilityArea.WorkforceDigitalSkills; m.Status = MilestoneStatus.Late; });
        await Arrange.DbAsync(site, async db =>
        {
            var participationId = await db.Milestones.Where(m => m.Id == started).Select(m => m.ParticipationId).SingleAsync();
            void Was(int milestone, DateOnly on, MilestoneStatus status) => db.AuditEntries.Add(new AuditEntry
            {
                At = new DateTimeOffset(on.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), Actor = "arrange", Entity = nameof(Milestone), RecordId = milestone.ToString(),
                Action = "Modified", Field = nameof(Milestone.Status), NewValue = status.ToString(), ParticipationId = participationId,
            });
            Was(started, points[1], MilestoneStatus.NotStarted);
            Was(started, points[3].AddDays(1), MilestoneStatus.AtRisk);
            Was(late, points[4], MilestoneStatus.OnTrack);
            return await db.SaveChangesAsync();
        });
        var reviewer = await Arrange.ReviewerAsync(site);

        var csv = await reviewer.GetStringAsync("/exemplars/portfolio?handler=Csv&table=milestone-status&capability=WorkforceDigitalSkills&region=Midlands");

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("Date,Not started,On track,At risk,Late,Achieved,All milestones", lines[0]);
        string Row(DateOnly at) => lines.Single(l => l.StartsWith(at.ToString("yyyy-MM-dd") + ","));
        Assert.Equal($"{points[0]:yyyy-MM-dd},0,0,0,0,0,0", Row(points[0]));
        Assert.Equal($"{points[1]:yyyy-MM-dd},1,0,0,0,0,1", Row(points[1]));
        Assert.Equal($"{points[3]:yyyy-MM-dd},1,0,0,0,0,1", Row(points[3]));
        Assert.Equal($"{points[4]:yyyy-MM-dd},0,1,1,0,0,2", Row(points[4]));
        Assert.Equal($"{points[6]:yyyy-MM-dd},0,1,0,1,0,2", Row(points[6]));
    }

    [Fact]
    public async Task Get_Portfolio_MilestoneStatusChart_HasItsDataAsATable()
    {
        await Arrange.MilestoneAsync(site, "RAL");
        var reviewer = await Arrange.ReviewerAsync(site);

        var html = await reviewer.GetStringAsync("/exemplars/portfolio?region=London");

        Assert.Contains("aria-labelledby=\"chart-trend chart-trend-desc\"", html);
        Assert.Contains("Data for the chart: milestones by status", html);
        Assert.Contains("handler=Csv&amp;table=milestone-status", html);
    }

    [Fact]
    public async Task Get_Portfolio_AsTrustLead_IsDenied()
    {
        var lead = await Arrange.LeadAsync(site, Trust);

        var response = await lead.GetAsync("/exemplars/portfolio");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }
}
