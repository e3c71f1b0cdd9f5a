using System.Net;
using System.Text.RegularExpressions;
using Academy.Exemplars.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Tests.FormErrors;

/// The pages whose tests pin 200 for a form shown again go through the same validator and FormErrorsFilter as the others,
/// with 200 asked for: one error per field with model binding's first, the summary in page order, nothing written. Seen
/// through a return's risk form.
public sealed partial class FormShownAgainWith200Tests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string Trust = "RBL";

    [Fact]
    public async Task Post_WithBindingAndValidatorErrorsOnOneField_ShowsOneErrorPerFieldInPageOrderAndSavesNothing()
    {
        var lead = await Arrange.LeadAsync(site, Trust);
        var id = await ReturnSteps.StartAsync(lead, Trust, await Arrange.ParticipationIdAsync(site, Trust), "2017-09-01");

        // The likelihood has a hidden character (model binding's error) and is not a score (the validator's): one message.
        // The impact and the owner are checked by the validator only, and come after it on the page.
        var response = await Forms.PostAsync(lead, $"/exemplars/returns/{id}/risks/new", new()
        {
            ["Owner"] = "", ["Impact"] = "0", ["Kind"] = "Risk", ["Description"] = "Supplier capacity", ["Likelihood"] = "3\u202E", ["Mitigation"] = "Second supplier",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(["#Likelihood", "#Impact", "#Owner"], SummaryLinks().Matches(html).Select(m => m.Groups[1].Value));
        await Html.AssertHasFieldErrorAsync(response, "Likelihood", Academy.Theme.Nhs.Forms.PlainText.HiddenCharactersMessage);
        Assert.DoesNotContain("Select a likelihood from 1 to 5", html);
        await Html.AssertHasFieldErrorAsync(response, "Impact", "Select an impact from 1 to 5");
        await Html.AssertHasFieldErrorAsync(response, "Owner", "Enter the owner");
        Assert.False(await Arrange.DbAsync(site, db => db.Risks.AnyAsync(r => r.ReturnId == id)));
    }

    [GeneratedRegex("<li><a href=\"([^\"]+)\">")] private static partial Regex SummaryLinks();
}
