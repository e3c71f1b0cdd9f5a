using System.Net;
using System.Text.RegularExpressions;
using Academy.Exemplars.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Tests.FormErrors;

/// The site's one way of showing a form's errors (issue 14 §3), seen through a form that uses it (Add a trust): the
/// validator's errors and model binding's come back as one error per field, beside the field and in the summary in the
/// order of the fields on the page, with 400, and nothing is written.
public sealed partial class FormErrorsFilterTests(AcademySite site) : IClassFixture<AcademySite>
{
    [Fact]
    public async Task Post_WithBindingAndValidatorErrors_ShowsOneErrorPerFieldInPageOrderWith400AndSavesNothing()
    {
        var admin = await site.SignInAsAdministratorAsync();
        var created = await Forms.PostAsync(admin, "/exemplars/programmes/new", new()
        {
            ["Name"] = "Form errors", ["CapPerTrust"] = "£5,000,000", ["PartnerRequired"] = "no", ["ReportingPeriodMonths"] = "3",
            ["StartDate.Day"] = "1", ["StartDate.Month"] = "4", ["StartDate.Year"] = "2027",
            ["EndDate.Day"] = "31", ["EndDate.Month"] = "3", ["EndDate.Year"] = "2030",
        });
        var id = int.Parse(ProgrammeId().Match(created.Headers.Location!.OriginalString).Groups[1].Value);

        // The ODS code is too long (model binding's MaxChars) and also not a valid code (the validator): one message.
        // The allocation and the region are checked by the validator only, and come after it on the page.
        var response = await Forms.PostAsync(admin, $"/exemplars/programmes/{id}/trusts/new", new()
        {
            ["TrustOdsCode"] = "", ["NewOdsCode"] = "ABCDEFG", ["NewName"] = "A trust", ["NewRegion"] = " ", ["Allocation"] = "lots",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(["#NewOdsCode", "#NewRegion", "#Allocation"], SummaryLinks().Matches(html).Select(m => m.Groups[1].Value));
        await Html.AssertHasFieldErrorAsync(response, "NewOdsCode", "The ODS code must be 5 characters or fewer");
        Assert.DoesNotContain("Enter an ODS code of 3 to 5 letters and numbers", html);
        await Html.AssertHasFieldErrorAsync(response, "NewRegion", "Enter the region of the trust");
        await Html.AssertHasFieldErrorAsync(response, "Allocation", "Enter the allocation in pounds and pence, like 1,250.00");
        Assert.False(await Arrange.DbAsync(site, db => db.Participations.AnyAsync(p => p.ProgrammeId == id)));
        Assert.False(await Arrange.DbAsync(site, db => db.Trusts.AnyAsync(t => t.Name == "A trust")));
    }

    [GeneratedRegex(@"^/exemplars/programmes/(\d+)/trusts/new\?created=true$")] private static partial Regex ProgrammeId();
    [GeneratedRegex("<li><a href=\"([^\"]+)\">")] private static partial Regex SummaryLinks();
}
