using System.Net;
using System.Text.RegularExpressions;
using Academy.Exemplars.Data;
using Academy.Exemplars.Tests.Support;
using Academy.Exemplars.Milestones;
using Academy.Exemplars.Returns;
using Academy.Exemplars.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Exemplars.Tests.Programmes;

/// Issue 13 §4: an administrator creates a programme and adds trusts to it, so that a site set up today (whose
/// starter programmes ended in 2020) can run a live one.
public sealed class ProgrammeSetupTests(AcademySite site) : IClassFixture<AcademySite>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static Dictionary<string, string> ProgrammeFields(string name, DateOnly start, DateOnly end, string cap = "£7,500,000", string partner = "no", string months = "3") => new()
    {
        ["Name"] = name, ["CapPerTrust"] = cap, ["PartnerRequired"] = partner, ["ReportingPeriodMonths"] = months,
        ["StartDate.Day"] = start.Day.ToString(), ["StartDate.Month"] = start.Month.ToString(), ["StartDate.Year"] = start.Year.ToString(),
        ["EndDate.Day"] = end.Day.ToString(), ["EndDate.Month"] = end.Month.ToString(), ["EndDate.Year"] = end.Year.ToString(),
    };

    private async Task<int> CreateProgrammeAsync(HttpClient admin, string name, DateOnly start, DateOnly end, string partner = "no")
    {
        var response = await Forms.PostAsync(admin, "/exemplars/programmes/new", ProgrammeFields(name, start, end, partner: partner));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(Regex.Match(response.Headers.Location!.OriginalString, @"^/exemplars/programmes/(\d+)/trusts/new\?created=true$").Groups[1].Value);
    }

    [Fact]
    public async Task Post_NewProgramme_WhenValid_SavesItAndAsksForItsTrusts()
    {
        var admin = await site.SignInAsAdministratorAsync();

        var id = await CreateProgrammeAsync(admin, "Digital Exemplars 2027", new DateOnly(2027, 4, 1), new DateOnly(2030, 3, 31), partner: "yes");

        var programme = await Arrange.DbAsync(site, db => db.Programmes.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(("Digital Exemplars 2027", "digital-exemplars-2027", 7_500_000m, true, ProgrammeKind.GlobalDigitalExemplar, new DateOnly(2027, 4, 1), new DateOnly(2030, 3, 31), 3),
            (programme.Name, programme.Slug, programme.CapPerTrust, programme.PartnerRequired, programme.Kind, programme.StartDate, programme.EndDate, programme.ReportingPeriodMonths));
        var next = Html.Text(await admin.GetStringAsync($"/exemplars/programmes/{id}/trusts/new?created=true"));
        Assert.Contains("Digital Exemplars 2027 has been created. It runs from 1 April 2027 to 31 March 2030.", next);
        var index = Html.Text(await admin.GetStringAsync("/exemplars"));
        Assert.Contains("Digital Exemplars 2027", index);
        Assert.Contains("No trusts take part in this programme yet.", index);
    }

    [Fact]
    public async Task Post_NewProgramme_WithBadAnswers_ShowsEachErrorBesideItsFieldInPageOrder_AndSavesNothing()
    {
        var admin = await site.SignInAsAdministratorAsync();
        var before = await Arrange.DbAsync(site, db => db.Programmes.CountAsync());
        var fields = ProgrammeFields("", new DateOnly(2027, 4, 1), new DateOnly(2027, 1, 1), cap: "-5", partner: "", months: "7");
        fields["StartDate.Day"] = "30";
        fields["StartDate.Month"] = "2";

        var response = await Forms.PostAsync(admin, "/exemplars/programmes/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "Name", "Enter the name of the programme");
        await Html.AssertHasFieldErrorAsync(response, "CapPerTrust", "The funding cap per trust must not be negative");
        await Html.AssertHasFieldErrorAsync(response, "PartnerRequired", "Select whether each trust needs an international partner");
        await Html.AssertHasFieldErrorAsync(response, "StartDate", "The start date must be a real date");
        await Html.AssertHasFieldErrorAsync(response, "ReportingPeriodMonths", "Select how often trusts send a return");
        var html = await response.Content.ReadAsStringAsync();
        var order = Regex.Matches(html, "<li><a href=\"#([^\"]+)\">").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Name", "CapPerTrust", "PartnerRequired", "StartDate", "ReportingPeriodMonths"], order);
        Assert.Equal(before, await Arrange.DbAsync(site, db => db.Programmes.CountAsync()));
    }

    [Fact]
    public async Task Post_NewProgramme_EndingBeforeItStarts_IsRefusedBesideTheEndDate()
    {
        var admin = await site.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, "/exemplars/programmes/new", ProgrammeFields("Backwards", new DateOnly(2027, 4, 1), new DateOnly(2027, 1, 1)));

        await Html.AssertHasFieldErrorAsync(response, "EndDate", "The end date must be after the start date");
    }

    [Theory]
    [InlineData(Roles.TrustLead)]
    [InlineData(Roles.NationalReviewer)]
    public async Task Get_NewProgrammeAndAddTrust_WithoutTheAdministratorRole_AreDenied(string role)
    {
        var client = await site.SignInAsNewUserAsync(Arrange.NewEmail("not-admin"), [role], "RTH");
        var programmeId = await Arrange.DbAsync(site, db => db.Programmes.Select(p => p.Id).FirstAsync());

        foreach (var url in new[] { "/exemplars/programmes/new", $"/exemplars/programmes/{programmeId}/trusts/new" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
        }
    }

    /// The whole point: a programme that started four months ago, a new trust in it, and its lead is asked for the
    /// first return (overdue, with "Start the return") and reminded by the daily job.
    [Fact]
    public async Task AddTrust_NewTrustToALiveProgramme_ItsLeadSeesTheOverdueReturnToStartAndIsReminded()
    {
        var admin = await site.SignInAsAdministratorAsync();
        var id = await CreateProgrammeAsync(admin, "Live programme", Today.AddMonths(-4).AddDays(-3), Today.AddYears(2));

        var added = await Forms.PostAsync(admin, $"/exemplars/programmes/{id}/trusts/new", new()
        {
            ["TrustOdsCode"] = "", ["NewOdsCode"] = "rzz", ["NewName"] = "Example Community NHS Trust", ["NewRegion"] = "North West", ["Allocation"] = "2,000,000",
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/exemplars/trusts/RZZ", added.Headers.Location!.OriginalString);
        var leadEmail = Arrange.NewEmail("live-lead");
        await site.CreateUserAsync(leadEmail, [Roles.TrustLead], "RZZ");
        var lead = await site.SignInAsync(leadEmail, "a-long-enough-password");
        var page = Html.Text(await lead.GetStringAsync("/exemplars/trusts/RZZ"));
        Assert.Contains("Live programme", page);
        Assert.Contains("Overdue", page);
        Assert.Contains("Start the return", page);
        Assert.DoesNotContain("it is closed", page);
        await site.WithServicesAsync(services => services.GetRequiredService<ReturnReminderJob>().RunAsync(CancellationToken.None));
        Assert.Contains("Live programme", await site.WaitForEmailAsync($"To: {leadEmail}"));
    }

    [Fact]
    public async Task AddTrust_ATrustTheSiteKnows_JoinsTheProgrammeAndLeavesTheList()
    {
        var admin = await site.SignInAsAdministratorAsync();
        var id = await CreateProgrammeAsync(admin, "Second wave", Today, Today.AddYears(3));

        var added = await Forms.PostAsync(admin, $"/exemplars/programmes/{id}/trusts/new", new() { ["TrustOdsCode"] = "RTH", ["Allocation"] = "1000000" });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.True(await Arrange.DbAsync(site, db => db.Participations.AnyAsync(p => p.ProgrammeId == id && p.Trust.OdsCode == "RTH" && p.Allocation == 1_000_000m)));
        Assert.DoesNotContain("value=\"RTH\"", await admin.GetStringAsync($"/exemplars/programmes/{id}/trusts/new"));
        var again = await Forms.PostAsync(admin, $"/exemplars/programmes/{id}/trusts/new", new() { ["TrustOdsCode"] = "RTH", ["Allocation"] = "1000000" });
        await Html.AssertHasFieldErrorAsync(again, "TrustOdsCode", "Select a trust from the list");
    }

    [Fact]
    public async Task AddTrust_AboveTheCapWithoutTheRequiredPartnerOrWithABadOdsCode_IsRefusedAndSavesNothing()
    {
        var admin = await site.SignInAsAdministratorAsync();
        var id = await CreateProgrammeAsync(admin, "Partnered", Today, Today.AddYears(3), partner: "yes");

        var response = await Forms.PostAsync(admin, $"/exemplars/programmes/{id}/trusts/new", new()
        {
            ["TrustOdsCode"] = "", ["NewOdsCode"] = "R-1", ["NewName"] = "", ["NewRegion"] = "Midlands", ["Allocation"] = "7500000.01", ["PartnerOrganisation"] = "",
        });

        await Html.AssertHasFieldErrorAsync(response, "NewOdsCode", "Enter an ODS code of 3 to 5 letters and numbers, like RTH");
        await Html.AssertHasFieldErrorAsync(response, "NewName", "Enter the name of the trust");
        // The message holds "£", which the page and WebUtility encode differently: read it as text.
        Assert.Contains("Error: The allocation must be no more than the cap for the programme, £7,500,000.00", Html.Text(await response.Content.ReadAsStringAsync()));
        Assert.Contains("<a href=\"#Allocation\">", await response.Content.ReadAsStringAsync());
        await Html.AssertHasFieldErrorAsync(response, "PartnerOrganisation", "Enter the international partner organisation");
        Assert.False(await Arrange.DbAsync(site, db => db.Participations.AnyAsync(p => p.ProgrammeId == id)));
    }

    [Fact]
    public async Task Get_PortfolioMilestoneChart_ForAnEndedProgramme_CoversTheProgrammesOwnDates()
    {
        var reviewer = await Arrange.ReviewerAsync(site);

        var csv = await reviewer.GetStringAsync("/exemplars/portfolio?handler=Csv&table=milestone-status&programme=global-digital-exemplars");

        var dates = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => DateOnly.Parse(l.Split(',')[0])).ToList();
        Assert.Equal(new DateOnly(2020, 3, 31), dates[^1]);
        Assert.All(dates, d => Assert.InRange(d, new DateOnly(2016, 9, 1), new DateOnly(2020, 3, 31)));
        Assert.True(dates[0] < new DateOnly(2017, 6, 1), $"The chart starts at {dates[0]}, not near the programme's start");
        Assert.InRange(dates.Count, 3, MilestoneTrend.Quarters + 2);
        var page = Html.Text(await reviewer.GetStringAsync("/exemplars/portfolio?programme=global-digital-exemplars"));
        Assert.Contains("over the life of Global Digital Exemplar (1 September 2016 to 31 March 2020), at quarter ends and its last day", page);
    }

    [Fact]
    public async Task Get_Portfolio_WithFiltersThatMatchNoExemplar_SaysSoInsteadOfAnEmptyTable()
    {
        var admin = await site.SignInAsAdministratorAsync();
        await CreateProgrammeAsync(admin, "Nobody yet", Today, Today.AddYears(1));
        var reviewer = await Arrange.ReviewerAsync(site);

        var html = await reviewer.GetStringAsync("/exemplars/portfolio?programme=nobody-yet");

        Assert.Contains("No exemplars match these filters.", Html.Text(html));
        Assert.DoesNotContain("0 exemplars: latest rating", html);
    }

    [Fact]
    public async Task Get_TrustPage_OfAProgrammeThatHasNotStarted_SaysWhenTheFirstPeriodStartsInsteadOfAnEmptyTable()
    {
        var admin = await site.SignInAsAdministratorAsync();
        var id = await CreateProgrammeAsync(admin, "Starts next year", Today.AddYears(1), Today.AddYears(3));
        await Forms.PostAsync(admin, $"/exemplars/programmes/{id}/trusts/new", new() { ["TrustOdsCode"] = "RGR", ["Allocation"] = "1000" });

        var page = Html.Text(await admin.GetStringAsync("/exemplars/trusts/RGR"));

        Assert.Contains($"No reporting period has started yet: the first starts on {Format.Date(Today.AddYears(1))}.", page);
    }
}
