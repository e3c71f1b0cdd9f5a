using System.Net;
using Academy.Exemplars.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Tests.Funding;

public sealed class ParticipationTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string Trust = "RTH";

    private static Dictionary<string, string> Fields(string allocation, string partner = "Cerner") => new()
    {
        ["Allocation"] = allocation, ["LocalMatchedFunding"] = "2500000", ["PartnerOrganisation"] = partner, ["MaturityTarget"] = "HIMSS EMRAM stage 7",
        ["Roadmap"] = "# Roadmap\n<script>alert(1)</script>", ["PairedWithId"] = "", ["Version"] = "0",
    };

    [Fact]
    public async Task Get_TrustPage_ShowsEachParticipationsTrustLeadsByName()
    {
        await Arrange.PersonAsync(site, "lead-rhm", Roles.TrustLead, "RHM", name: "Priya Patel");
        await Arrange.PersonAsync(site, "lead-rhm", Roles.TrustLead, "RHM", name: "Dev Shah");
        await Arrange.PersonAsync(site, "lead-ra7", Roles.TrustLead, "RA7", name: "Olu Bristol");
        var reviewer = await Arrange.ReviewerAsync(site);

        var withLeads = Html.Text(await reviewer.GetStringAsync("/exemplars/trusts/RHM"));
        var withoutLeads = Html.Text(await reviewer.GetStringAsync("/exemplars/trusts/RBA"));

        Assert.Contains("Trust leads Dev Shah, Priya Patel", withLeads);
        Assert.DoesNotContain("Olu Bristol", withLeads);
        Assert.Contains("Trust leads None yet", withoutLeads);
    }

    [Fact]
    public async Task Post_Allocation_OverTheProgrammeCap_ShowsTheErrorAndChangesNothing()
    {
        var admin = await site.SignInAsAdministratorAsync();
        var id = await Arrange.ParticipationIdAsync(site, Trust);
        var before = await Arrange.DbAsync(site, db => db.Participations.Where(p => p.Id == id).Select(p => p.Allocation).SingleAsync());

        var response = await Forms.PostAsync(admin, $"/exemplars/participations/{id}/edit", Fields("10000000.01"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await FieldErrors.AssertAsync(response, "Allocation", "The allocation must be no more than the cap for the programme, £10,000,000.00");
        Assert.Equal(before, await Arrange.DbAsync(site, db => db.Participations.Where(p => p.Id == id).Select(p => p.Allocation).SingleAsync()));
    }

    [Fact]
    public async Task Post_GlobalExemplar_WithoutAPartner_ShowsTheError()
    {
        var admin = await site.SignInAsAdministratorAsync();
        var id = await Arrange.ParticipationIdAsync(site, Trust);

        var response = await Forms.PostAsync(admin, $"/exemplars/participations/{id}/edit", Fields("9000000", partner: ""));

        await Html.AssertHasFieldErrorAsync(response, "PartnerOrganisation", "Enter the international partner organisation");
    }

    [Fact]
    public async Task Post_Participation_WhenValid_SavesAndShowsTheRoadmapWithoutScript()
    {
        var admin = await site.SignInAsAdministratorAsync();
        var id = await Arrange.ParticipationIdAsync(site, Trust);
        var version = await Arrange.DbAsync(site, db => db.Participations.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        var fields = Fields("9500000");
        fields["Version"] = version.ToString();

        var response = await Forms.PostAsync(admin, $"/exemplars/participations/{id}/edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetStringAsync($"/exemplars/trusts/{Trust}");
        Assert.Contains("£9,500,000.00", Html.Text(page));
        // The roadmap's own "# Roadmap" sits below the page's headings (issue 13, point 7).
        Assert.Contains(">Roadmap</h3>", page);
        Assert.DoesNotContain("<script>alert", page);
    }

    [Fact]
    public async Task Get_EditParticipation_AsTrustLead_IsDenied()
    {
        var lead = await Arrange.LeadAsync(site, Trust);
        var id = await Arrange.ParticipationIdAsync(site, Trust);

        var response = await lead.GetAsync($"/exemplars/participations/{id}/edit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }
}
