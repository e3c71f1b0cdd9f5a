using System.Net;
using System.Text.RegularExpressions;
using Academy.Exemplars.Data;
using Academy.Exemplars.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Tests.Funding;

/// Planning a participation's allocation in instalments: the form's errors beside its fields, with 400, and nothing saved.
public sealed partial class InstalmentTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string Trust = "RGR";

    [Fact]
    public async Task Post_NewInstalment_WhenEmptyOrUnknownMilestone_ShowsAnErrorBesideEachFieldInPageOrderAndSavesNothing()
    {
        var admin = await site.SignInAsAdministratorAsync();
        var id = await Arrange.ParticipationIdAsync(site, Trust);

        var response = await Forms.PostAsync(admin, $"/exemplars/participations/{id}/instalments/new", new()
        {
            ["MilestoneId"] = "999999", ["Description"] = " ", ["Amount"] = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["#Description", "#Amount", "#MilestoneId"], SummaryLinks().Matches(await response.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value));
        await Html.AssertHasFieldErrorAsync(response, "Description", "Enter a description");
        await Html.AssertHasFieldErrorAsync(response, "Amount", "Enter the amount");
        await Html.AssertHasFieldErrorAsync(response, "MilestoneId", "Select a milestone from the list");
        Assert.False(await Arrange.DbAsync(site, db => db.Instalments.AnyAsync(i => i.ParticipationId == id)));
    }

    [Fact]
    public async Task Post_NewInstalment_WhenInstalmentsWouldPassTheAllocation_ShowsTheErrorAndSavesNothing()
    {
        var admin = await site.SignInAsAdministratorAsync();
        var id = await Arrange.ParticipationIdAsync(site, Trust);
        await Arrange.DbAsync(site, async db =>
        {
            await db.Participations.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Allocation, 1_000_000m));
            db.Instalments.Add(new Instalment { ParticipationId = id, Description = "Upfront", Amount = 600_000m });
            return await db.SaveChangesAsync();
        });

        var response = await Forms.PostAsync(admin, $"/exemplars/participations/{id}/instalments/new", new()
        {
            ["Description"] = "Go-live", ["Amount"] = "400,000.01", ["MilestoneId"] = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await FieldErrors.AssertAsync(response, "Amount", "Instalments cannot add up to more than the allocation of £1,000,000.00 (£600,000.00 planned already)");
        Assert.False(await Arrange.DbAsync(site, db => db.Instalments.AnyAsync(i => i.ParticipationId == id && i.Description == "Go-live")));

        var fits = await Forms.PostAsync(admin, $"/exemplars/participations/{id}/instalments/new", new()
        {
            ["Description"] = "Go-live", ["Amount"] = "400,000.00", ["MilestoneId"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, fits.StatusCode);
        Assert.Equal(400_000m, await Arrange.DbAsync(site, db => db.Instalments.Where(i => i.ParticipationId == id && i.Description == "Go-live").Select(i => i.Amount).SingleAsync()));
    }

    [GeneratedRegex("<li><a href=\"([^\"]+)\">")] private static partial Regex SummaryLinks();
}
