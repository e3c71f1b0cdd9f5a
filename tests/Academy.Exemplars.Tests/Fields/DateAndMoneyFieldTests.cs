using System.Text.RegularExpressions;
using Academy.Exemplars.Data;
using Academy.Exemplars.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Tests.Fields;

/// Issue 13 §8: every date the tracker asks for is the design system's date input (day, month, year), never the
/// browser's picker; every amount of money has the £ prefix; optional fields say so. The forms are found by
/// walking the site as each role, not from a list.
public sealed partial class DateAndMoneyFieldTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string Trust = "RBA";

    [Theory]
    [InlineData(Roles.TrustLead)]
    [InlineData(Roles.Administrator)]
    public async Task EveryTrackerForm_AsEachRole_UsesTheDateInputAndThePoundPrefix(string role)
    {
        await Arrange.MilestoneAsync(site, Trust, m => m.Title = "EPR go-live");
        await Arrange.DbAsync(site, async db =>
        {
            var participationId = await db.Participations.Where(p => p.Trust.OdsCode == Trust).Select(p => p.Id).FirstAsync();
            if (await db.Returns.AnyAsync(r => r.ParticipationId == participationId)) return 0;
            db.Add(new ProgressReturn { ParticipationId = participationId, PeriodStart = new DateOnly(2017, 4, 1), PeriodEnd = new DateOnly(2017, 6, 30), DueDate = new DateOnly(2017, 7, 31), NarrativeMarkdown = "Some progress." });
            return await db.SaveChangesAsync();
        });
        var client = role == Roles.TrustLead ? await Arrange.LeadAsync(site, Trust) : await site.SignInAsAdministratorAsync();

        var forms = await SiteWalk.FormsAsync(client, role == Roles.TrustLead ? $"/exemplars/trusts/{Trust}" : "/exemplars", pressButtons: role == Roles.TrustLead);
        var pages = forms.Select(f => f.Page).Where(p => p.StartsWith("/exemplars", StringComparison.Ordinal)).Distinct().ToList();

        var dateFields = 0;
        var moneyFields = 0;
        foreach (var page in pages)
        {
            var html = await client.GetStringAsync(page);
            Assert.DoesNotMatch("<input[^>]+type=\"date\"", html);
            foreach (Match day in DayInput().Matches(html))
            {
                dateFields++;
                var name = day.Groups[1].Value;
                Assert.Contains($"name=\"{name}.Month\"", html);
                Assert.Contains($"name=\"{name}.Year\"", html);
            }
            foreach (Match label in MoneyLabel().Matches(html))
            {
                moneyFields++;
                var after = html[label.Index..];
                var input = after.IndexOf("<input", StringComparison.Ordinal);
                Assert.True(input > 0 && System.Net.WebUtility.HtmlDecode(after[..input]).Contains("nhsuk-input-wrapper__prefix\" aria-hidden=\"true\">£", StringComparison.Ordinal),
                    $"{page}: the money field '{label.Groups[1].Value}' has no £ prefix");
            }
        }
        Assert.True(dateFields > 0 && moneyFields > 0, $"The walk found {dateFields} date and {moneyFields} money fields on {pages.Count} pages: {string.Join(", ", pages)}");
    }

    [Fact]
    public async Task OptionalFields_OfTheProgrammeReturnAndParticipationForms_SayOptional()
    {
        var admin = await site.SignInAsAdministratorAsync();
        var participation = await Arrange.ParticipationIdAsync(site, Trust);

        var programme = Html.Text(await admin.GetStringAsync("/exemplars/programmes/new"));
        var funding = Html.Text(await admin.GetStringAsync($"/exemplars/participations/{participation}/edit"));

        Assert.Contains("Description (optional)", programme);
        Assert.Contains("Local matched funding, in pounds (optional)", funding);
        Assert.Contains("Digital maturity target (optional)", funding);
        Assert.Contains("Digital roadmap (optional)", funding);
    }

    [GeneratedRegex("name=\"([A-Za-z.]+)\\.Day\"")]
    private static partial Regex DayInput();

    [GeneratedRegex("<(?:label|legend)[^>]*>([^<]*in pounds[^<]*)</(?:label|legend)>")]
    private static partial Regex MoneyLabel();
}
