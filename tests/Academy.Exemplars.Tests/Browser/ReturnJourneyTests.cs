using System.Text.RegularExpressions;
using Academy.Exemplars.Data;
using Academy.Exemplars.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Academy.Exemplars.Tests.Browser;

public sealed class ReturnJourneyTests(BrowserSite fixture) : IClassFixture<BrowserSite>
{
    private async Task<IPage> ScannedAsync(IPage page)
    {
        await Accessibility.AssertNoViolationsAsync(page);
        return page;
    }

    [Fact]
    public async Task Return_DraftedSubmittedReturnedRevisedAndApproved_ShowsInThePortfolioWithTheNoticesSent()
    {
        // A programme still running (the recipe's ended in 2020, and a closed programme asks for no more returns).
        await Arrange.ProgrammesRunUntilAsync(fixture.Site, new DateOnly(2099, 3, 31));
        var milestoneId = await Arrange.MilestoneAsync(fixture.Site, BrowserSite.Trust, m => m.Title = "Electronic prescribing on every ward");
        var lead = await fixture.SignedInPageAsync(fixture.LeadEmail);

        // The lead starts the latest period's return from the trust page.
        await lead.GotoAsync($"/exemplars/trusts/{BrowserSite.Trust}");
        await ScannedAsync(lead);
        await lead.Locator("button:has-text('Start the return')").First.ClickAsync();
        await lead.WaitForURLAsync(new Regex(@"/exemplars/returns/\d+$"));
        var returnUrl = new Uri(lead.Url).AbsolutePath;
        var returnId = int.Parse(returnUrl.Split('/').Last());

        // Narrative, ratings and spend.
        await lead.ClickAsync("text=Change the narrative, ratings and spend");
        await ScannedAsync(lead);
        await lead.FillAsync("#Form_Narrative", "Electronic prescribing is live on **12 of 20** wards.");
        foreach (var dimension in new[] { "Time", "Budget", "ScopeQuality", "Risk", "Benefits" }) await lead.CheckAsync($"#Form_{dimension}Rag");
        await lead.CheckAsync("#Form_TimeRag-2");
        await lead.FillAsync("#Form_TimeComment", "Two wards slipped to next quarter");
        await lead.CheckAsync("#Form_DeliveryConfidence-2");
        await lead.FillAsync("#Form_NationalSpend", "250,000.00");
        await lead.FillAsync("#Form_LocalSpend", "80000");
        await lead.ClickAsync("button:has-text('Save the return')");
        await lead.WaitForURLAsync($"**{returnUrl}");

        // A milestone update.
        await lead.ClickAsync("text=Add a milestone update");
        await ScannedAsync(lead);
        await lead.SelectOptionAsync("#MilestoneId", milestoneId.ToString());
        await lead.FillAsync("#ForecastDate", "30");
        await lead.FillAsync("#ForecastDate-month", "6");
        await lead.FillAsync("#ForecastDate-year", "2018");
        await lead.SelectOptionAsync("#Status", "AtRisk");
        await lead.FillAsync("#Comment", "Two wards wait for new devices");
        await lead.ClickAsync("button:has-text('Add it to the return')");
        // Back at the return's milestone updates section.
        await lead.WaitForURLAsync($"**{returnUrl}#milestone-updates");
        await ScannedAsync(lead);
        await lead.ClickAsync("text=Check your answers and submit");
        await lead.WaitForURLAsync($"**{returnUrl}/check");
        await ScannedAsync(lead);
        await lead.ClickAsync("button:has-text('Submit the return')");
        await lead.WaitForURLAsync($"**{returnUrl}/submitted");
        await ScannedAsync(lead);
        Assert.Contains("Return submitted", await lead.InnerTextAsync("main"));
        await lead.GotoAsync(returnUrl);
        Assert.Contains("Awaiting review", await lead.InnerTextAsync("main"));

        // The reviewer returns it with a comment.
        var reviewer = await fixture.SignedInPageAsync(fixture.ReviewerEmail);
        await reviewer.GotoAsync(returnUrl);
        await ScannedAsync(reviewer);
        await reviewer.ClickAsync("text=Review this return");
        await ScannedAsync(reviewer);
        await reviewer.CheckAsync("#Decision-2");
        await reviewer.FillAsync("#Comment", "Say when the last two wards go live.");
        await reviewer.ClickAsync("button:has-text('Send the decision')");
        await reviewer.WaitForURLAsync($"**{returnUrl}");

        // The lead revises and resubmits.
        await lead.GotoAsync(returnUrl);
        Assert.Contains("Say when the last two wards go live.", await lead.InnerTextAsync("main"));
        await ScannedAsync(lead);
        await lead.ClickAsync("text=Change the narrative, ratings and spend");
        await lead.FillAsync("#Form_TimeComment", "The last two wards go live in July");
        await lead.ClickAsync("button:has-text('Save the return')");
        await lead.WaitForURLAsync($"**{returnUrl}");
        await lead.ClickAsync("text=Check your answers and resubmit");
        await lead.ClickAsync("button:has-text('Resubmit the return')");
        await lead.WaitForURLAsync($"**{returnUrl}/submitted");

        // The reviewer approves it.
        await reviewer.GotoAsync($"{returnUrl}/review");
        await reviewer.CheckAsync("#Decision");
        await reviewer.ClickAsync("button:has-text('Send the decision')");
        await reviewer.WaitForURLAsync($"**{returnUrl}");
        Assert.Contains("Approved", await reviewer.InnerTextAsync("main"));

        // The portfolio shows it: amber, driven by time, with the spend.
        await reviewer.GotoAsync("/exemplars/portfolio");
        await ScannedAsync(reviewer);
        var row = await reviewer.Locator("tr", new() { HasText = "University Hospitals Birmingham" }).First.InnerTextAsync();
        Assert.Contains("Amber", row);
        Assert.Contains("Driven by: Time", row);
        Assert.Contains("£250,000.00", row);
        Assert.Equal(ReturnStatus.Approved, await Arrange.DbAsync(fixture.Site, db => db.Returns.Where(r => r.Id == returnId).Select(r => r.Status).SingleAsync()));

        // The outbox sent the notices: two submissions to the site's one reviewer, a return and an approval to the trust's one lead.
        await ReturnSteps.WaitForEmailAsync(fixture.Site, e => e.Contains("Return approved") && e.Contains(fixture.LeadEmail));
        var emails = fixture.Site.PickedUpEmails().Where(e => e.Contains($"/exemplars/returns/{returnId}")).ToList();
        Assert.Equal(2, emails.Count(e => e.Contains("Return submitted") && e.Contains(fixture.ReviewerEmail)));
        Assert.Single(emails, e => e.Contains("Return needs changes") && e.Contains(fixture.LeadEmail));
        Assert.Single(emails, e => e.Contains("Return approved") && e.Contains(fixture.LeadEmail));
    }
}
