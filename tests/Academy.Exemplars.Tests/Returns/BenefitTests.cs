using System.Net;
using Academy.Exemplars.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Tests.Returns;

public sealed class BenefitTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string Trust = "RA7";

    [Fact]
    public async Task Measurement_AgainstADeclaredBenefit_IsShownInTheReturn()
    {
        var lead = await Arrange.LeadAsync(site, Trust);
        var participationId = await Arrange.ParticipationIdAsync(site, Trust);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(lead, $"/exemplars/participations/{participationId}/benefits/new", new() { ["Name"] = "Medication errors", ["Unit"] = "per 1,000 doses" })).StatusCode);
        var benefitId = await Arrange.DbAsync(site, db => db.Benefits.Where(b => b.ParticipationId == participationId).Select(b => b.Id).SingleAsync());
        var id = await ReturnSteps.StartAsync(lead, Trust, participationId, "2017-03-01");

        var response = await Forms.PostAsync(lead, $"/exemplars/returns/{id}/measurements/new", new() { ["BenefitId"] = benefitId.ToString(), ["Value"] = "3.25", ["MeasuredOn"] = "2017-05-31" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Medication errors 3.25 per 1,000 doses 31 May 2017", Html.Text(await lead.GetStringAsync($"/exemplars/returns/{id}")));
    }

    [Fact]
    public async Task Post_NewBenefit_WhenEmpty_ShowsAnErrorBesideEachFieldWith400AndSavesNothing()
    {
        var lead = await Arrange.LeadAsync(site, Trust);
        var participationId = await Arrange.ParticipationIdAsync(site, Trust);
        var before = await Arrange.DbAsync(site, db => db.Benefits.CountAsync(b => b.ParticipationId == participationId));

        var response = await Forms.PostAsync(lead, $"/exemplars/participations/{participationId}/benefits/new", new() { ["Name"] = " ", ["Unit"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "Name", "Enter the benefit");
        await Html.AssertHasFieldErrorAsync(response, "Unit", "Enter the unit it is measured in");
        Assert.Equal(before, await Arrange.DbAsync(site, db => db.Benefits.CountAsync(b => b.ParticipationId == participationId)));
    }

    [Fact]
    public async Task Measurement_WithoutAValueOrBenefit_ShowsTheErrors()
    {
        var lead = await Arrange.LeadAsync(site, Trust);
        var participationId = await Arrange.ParticipationIdAsync(site, Trust);
        var id = await ReturnSteps.StartAsync(lead, Trust, participationId, "2017-06-01");

        var response = await Forms.PostAsync(lead, $"/exemplars/returns/{id}/measurements/new", new() { ["BenefitId"] = "999999", ["Value"] = "lots", ["MeasuredOn"] = "2017-05-31" });

        await Html.AssertHasFieldErrorAsync(response, "BenefitId", "Select a benefit from the list");
        await Html.AssertHasFieldErrorAsync(response, "Value", "Enter the value as a number, with up to 2 decimal places");
    }
}
