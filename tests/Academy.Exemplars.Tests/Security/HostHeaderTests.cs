using System.Net;
using Academy.Exemplars.Tests.Support;

namespace Academy.Exemplars.Tests.Security;

/// Issue 8, point 1: a request's Host header never chooses where the links in a return's emails point, even on a
/// site that believes any Host (AllowedHosts "*"). Reminders (a job, no request) are in ReturnReminderJobTests.
public sealed class HostHeaderTests(HostHeaderTests.ForeignHostSite site) : IClassFixture<HostHeaderTests.ForeignHostSite>
{
    private const string PublicUrl = "https://academy.example.nhs.uk";
    private const string Ods = "RC9";
    // https: the site's cookies are Secure because its public address is https, so a plain-http client would lose them.
    private static readonly Uri Evil = new("https://evil.example");

    public sealed class ForeignHostSite() : AcademySite(dataFolder: null, new Dictionary<string, string?>
    {
        ["Academy:PublicUrl"] = PublicUrl, ["AllowedHosts"] = "*",
    });

    [Fact]
    public async Task SubmitAndDecide_WithAnAttackersHostHeader_EmailLinksOnThePublicUrl()
    {
        var leadEmail = Arrange.NewEmail("lead-rc9");
        await site.CreateUserAsync(leadEmail, [Roles.TrustLead], Ods);
        var lead = await site.SignInAsync(leadEmail, "a-long-enough-password", Evil);
        var reviewerEmail = Arrange.NewEmail("reviewer");
        await site.CreateUserAsync(reviewerEmail, [Roles.NationalReviewer]);
        var reviewer = await site.SignInAsync(reviewerEmail, "a-long-enough-password", Evil);
        var id = await ReturnSteps.StartAsync(lead, Ods, await Arrange.ParticipationIdAsync(site, Ods), "2017-03-01");
        await Forms.PostAsync(lead, $"/exemplars/returns/{id}/edit", ReturnSteps.CompleteFields("10"));

        Assert.Equal(HttpStatusCode.Redirect, (await ReturnSteps.SubmitAsync(lead, id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReturnSteps.DecideAsync(reviewer, id, "Approve")).StatusCode);

        var submitted = await ReturnSteps.WaitForEmailAsync(site, e => e.Contains($"To: {reviewerEmail}") && e.Contains("Return submitted"));
        Assert.Contains($"Review it: {PublicUrl}/exemplars/returns/{id}/review", Unfold(submitted));
        var decided = await ReturnSteps.WaitForEmailAsync(site, e => e.Contains($"To: {leadEmail}") && e.Contains("Return approved"));
        Assert.Contains($"Open it: {PublicUrl}/exemplars/returns/{id}", Unfold(decided));
        Assert.DoesNotContain(await ReturnSteps.StoredEmailsAsync(site), e => e.Contains("evil.example"));
    }

    private static string Unfold(string email) => email.Replace("=\r\n", "").Replace("=\n", "");
}
