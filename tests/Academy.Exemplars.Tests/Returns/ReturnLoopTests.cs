using System.Net;
using System.Text.RegularExpressions;
using Academy.Exemplars.Data;
using Academy.Exemplars.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Tests.Returns;

/// The loop a trust lead and a reviewer go round: change and remove what a draft holds, check the answers,
/// submit, see the confirmation; links from old emails to steps the return has passed explain themselves.
public sealed partial class ReturnLoopTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string Trust = "RTH";

    private async Task<(HttpClient Lead, int Id)> DraftAsync(string periodStart)
    {
        var lead = await Arrange.LeadAsync(site, Trust);
        var id = await ReturnSteps.StartAsync(lead, Trust, await Arrange.ParticipationIdAsync(site, Trust), periodStart);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(lead, $"/exemplars/returns/{id}/edit", ReturnSteps.CompleteFields("10"))).StatusCode);
        return (lead, id);
    }

    private static Dictionary<string, string> Risk(string owner) => new()
    {
        ["Kind"] = "Risk", ["Description"] = "Supplier capacity", ["Likelihood"] = "3", ["Impact"] = "4", ["Owner"] = owner, ["Mitigation"] = "Weekly calls",
    };

    [Fact]
    public async Task ChangeAndRemove_ItemsOfADraft_AreSavedAndGone()
    {
        var (lead, id) = await DraftAsync("2019-09-01");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(lead, $"/exemplars/returns/{id}/risks/new", Risk("Chief nurse"))).StatusCode);
        var riskId = await Arrange.DbAsync(site, db => db.Risks.Where(r => r.ReturnId == id).Select(r => r.Id).SingleAsync());
        var returnPage = await lead.GetStringAsync($"/exemplars/returns/{id}");
        Assert.Contains($"href=\"/exemplars/returns/{id}/risks/{riskId}\"", returnPage);

        var changed = await Forms.PostAsync(lead, $"/exemplars/returns/{id}/risks/{riskId}", Risk("Chief information officer"));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("Chief information officer", await Arrange.DbAsync(site, db => db.Risks.Where(r => r.Id == riskId).Select(r => r.Owner).SingleAsync()));
        var form = await lead.GetStringAsync($"/exemplars/returns/{id}/risks/{riskId}");
        Assert.Contains("Change a risk or issue", form);
        Assert.Contains("value=\"Chief information officer\"", form);

        var removed = await Forms.PostAsync(lead, $"/exemplars/returns/{id}/risks/{riskId}?handler=Remove", [], $"/exemplars/returns/{id}/risks/{riskId}");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await Arrange.DbAsync(site, db => db.Risks.AnyAsync(r => r.Id == riskId)));
    }

    [Fact]
    public async Task Change_AnItemOfAnotherReturn_IsNotFound()
    {
        var (lead, id) = await DraftAsync("2016-09-01");
        var (_, otherId) = await DraftAsync("2016-12-01");
        await Forms.PostAsync(lead, $"/exemplars/returns/{otherId}/risks/new", Risk("Owner"));
        var otherRisk = await Arrange.DbAsync(site, db => db.Risks.Where(r => r.ReturnId == otherId).Select(r => r.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/exemplars/returns/{id}/risks/{otherRisk}")).StatusCode);
    }

    [Fact]
    public async Task CheckYourAnswers_ShowsTheWholeReturnWithChangeLinks_ThenSubmitLeadsToTheConfirmation()
    {
        var (lead, id) = await DraftAsync("2017-09-01");

        var check = await lead.GetStringAsync($"/exemplars/returns/{id}/check");

        Assert.Contains("Check your answers before submitting the return", check);
        Assert.Contains("We <strong>went live</strong>", check);
        Assert.Contains($"href=\"/exemplars/returns/{id}/edit#Form_Narrative\"", check);
        Assert.Contains($"href=\"/exemplars/returns/{id}/edit#Form_NationalSpend\"", check);
        Assert.Contains($"href=\"/exemplars/returns/{id}/risks/new\"", check);

        var submitted = await ReturnSteps.SubmitAsync(lead, id);

        Assert.Equal($"/exemplars/returns/{id}/submitted", submitted.Headers.Location?.ToString());
        var confirmation = Html.Text(await lead.GetStringAsync($"/exemplars/returns/{id}/submitted"));
        Assert.Contains("Return submitted", confirmation);
        Assert.Contains("What happens next", confirmation);
    }

    [Fact]
    public async Task Submit_WhenIncomplete_LinksEachProblemToTheFieldThatMendsIt()
    {
        var lead = await Arrange.LeadAsync(site, Trust);
        var id = await ReturnSteps.StartAsync(lead, Trust, await Arrange.ParticipationIdAsync(site, Trust), "2018-03-01");

        var response = await ReturnSteps.SubmitAsync(lead, id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var links = SummaryLinks().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([$"/exemplars/returns/{id}/edit#Form_Narrative", $"/exemplars/returns/{id}/edit#Form_TimeRag", $"/exemplars/returns/{id}/edit#Form_DeliveryConfidence"], links);
        var edit = await lead.GetStringAsync($"/exemplars/returns/{id}/edit");
        Assert.Contains("id=\"Form_Narrative\"", edit);
        Assert.Contains("id=\"Form_TimeRag\"", edit);
        Assert.Contains("id=\"Form_DeliveryConfidence\"", edit);
    }

    [Fact]
    public async Task StaleLinks_ToChangeAnApprovedReturnOrReviewIt_ShowTheReturnSayingWhoApprovedItAndWhen()
    {
        var (lead, id) = await DraftAsync("2018-06-01");
        var reviewerEmail = await Arrange.PersonAsync(site, "reviewer", Roles.NationalReviewer, name: "Rita Reviewer");
        var reviewer = await site.SignInAsync(reviewerEmail, "a-long-enough-password");
        await ReturnSteps.SubmitAsync(lead, id);
        Assert.Equal(HttpStatusCode.Redirect, (await ReturnSteps.DecideAsync(reviewer, id, "Approve", "Well evidenced.")).StatusCode);
        var decidedOn = await Arrange.DbAsync(site, db => db.Returns.Where(r => r.Id == id).Select(r => r.DecidedAt).SingleAsync());
        var day = Academy.Exemplars.Format.Day(decidedOn);

        foreach (var (client, url) in new[] { (lead, $"/exemplars/returns/{id}/edit"), (lead, $"/exemplars/returns/{id}/risks/new"), (reviewer, $"/exemplars/returns/{id}/review") })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var page = await client.GetAsync(response.Headers.Location);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var text = Html.Text(await page.Content.ReadAsStringAsync());
            Assert.Contains($"This return was approved on {day} by Rita Reviewer.", text);
            Assert.DoesNotContain("Sorry, there is a problem with the service", text);
        }
    }

    [Fact]
    public async Task History_AfterReturnThenApproval_KeepsTheReviewersFirstComment()
    {
        var (lead, id) = await DraftAsync("2018-09-01");
        var reviewer = await Arrange.ReviewerAsync(site);
        await ReturnSteps.SubmitAsync(lead, id);
        await ReturnSteps.DecideAsync(reviewer, id, "Return", "Please quantify the benefits.");
        await ReturnSteps.SubmitAsync(lead, id);
        await ReturnSteps.DecideAsync(reviewer, id, "Approve");

        var text = Html.Text(await lead.GetStringAsync($"/exemplars/returns/{id}"));

        Assert.Contains("Returned for changes by", text);
        Assert.Contains("Please quantify the benefits.", text);
        Assert.Contains("Approved by", text);
    }

    [Fact]
    public async Task ErrorSummary_ListsErrorsInTheOrderOfTheFieldsOnThePage()
    {
        var (lead, id) = await DraftAsync("2019-03-01");

        // Likelihood, owner and mitigation wrong; the page checks type, description, scores, owner, mitigation in that order,
        // but the summary must follow the page, whatever order the checks ran in.
        var response = await Forms.PostAsync(lead, $"/exemplars/returns/{id}/risks/new", new() { ["Kind"] = "Risk", ["Description"] = new string('x', 2001), ["Impact"] = "2" });

        var html = await response.Content.ReadAsStringAsync();
        var order = SummaryLinks().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["#Description", "#Likelihood", "#Owner", "#Mitigation"], order);
        await Html.AssertHasFieldErrorAsync(response, "Description", "The description must be 2,000 characters or fewer");
    }

    [Theory]
    [InlineData("\u202e\u0000😀")]
    [InlineData("tab\tand NUL\u0000")]
    public async Task Post_WithHiddenCharacters_ShowsAFieldErrorAndStoresNothing(string hostile)
    {
        var (lead, id) = await DraftAsync("2019-06-01");
        var fields = Risk("Owner");
        fields["Owner"] = hostile;

        var response = await Forms.PostAsync(lead, $"/exemplars/returns/{id}/risks/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "Owner", Academy.Theme.Nhs.Forms.PlainText.HiddenCharactersMessage);
        Assert.False(await Arrange.DbAsync(site, db => db.Risks.AnyAsync(r => r.ReturnId == id)));
    }

    [GeneratedRegex("<li><a href=\"([^\"]+)\">")] private static partial Regex SummaryLinks();
}
