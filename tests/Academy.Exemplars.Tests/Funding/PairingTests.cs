using System.Net;
using Academy.Exemplars.Data;
using Academy.Exemplars.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Tests.Funding;

public sealed class PairingTests(AcademySite site) : IClassFixture<AcademySite>
{
    [Fact]
    public async Task Post_PairingAFastFollower_ShowsThePairingOnBothTrustPages()
    {
        var (followerId, exemplarId) = await Arrange.DbAsync(site, async db =>
        {
            var programme = await db.Programmes.SingleAsync(p => p.Slug == "national-exemplars");
            var follower = new Participation { Programme = programme, Trust = new Trust { OdsCode = "RX1", Name = "Fast Follower Hospitals", Region = "North West" }, Allocation = 5_000_000m };
            db.Participations.Add(follower);
            await db.SaveChangesAsync();
            var exemplar = await db.Participations.Where(p => p.Trust.OdsCode == "RLN").Select(p => p.Id).SingleAsync();
            return (follower.Id, exemplar);
        });
        var admin = await site.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, $"/exemplars/participations/{followerId}/edit", new()
        {
            ["Allocation"] = "5000000", ["LocalMatchedFunding"] = "0", ["PartnerOrganisation"] = "", ["MaturityTarget"] = "HIMSS EMRAM stage 5",
            ["Roadmap"] = "", ["PairedWithId"] = exemplarId.ToString(), ["Version"] = "0",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Learns from City Hospitals Sunderland NHS Foundation Trust", Html.Text(await admin.GetStringAsync("/exemplars/trusts/RX1")));
        Assert.Contains("Fast followers Fast Follower Hospitals", Html.Text(await admin.GetStringAsync("/exemplars/trusts/RLN")));
    }

    [Fact]
    public async Task Post_Allocation_OverTheFastFollowerCap_ShowsTheError()
    {
        var followerId = await Arrange.DbAsync(site, async db =>
        {
            var programme = await db.Programmes.SingleAsync(p => p.Slug == "national-exemplars");
            var follower = new Participation { Programme = programme, Trust = new Trust { OdsCode = "RX2", Name = "Second Follower", Region = "London" }, Allocation = 1m };
            db.Participations.Add(follower);
            await db.SaveChangesAsync();
            return follower.Id;
        });
        var admin = await site.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, $"/exemplars/participations/{followerId}/edit", new()
        {
            ["Allocation"] = "5000000.01", ["LocalMatchedFunding"] = "0", ["PartnerOrganisation"] = "", ["MaturityTarget"] = "", ["Roadmap"] = "", ["PairedWithId"] = "", ["Version"] = "0",
        });

        await FieldErrors.AssertAsync(response, "Allocation", "The allocation must be no more than the cap for the programme, £5,000,000.00");
        Assert.Equal(1m, await Arrange.DbAsync(site, db => db.Participations.Where(p => p.Id == followerId).Select(p => p.Allocation).SingleAsync()));
    }
}
