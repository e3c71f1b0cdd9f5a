using System.Net;
using Academy.Learning.Certificates;
using Academy.Learning.Tests.Support;

namespace Academy.Learning.Tests.Certificates;

/// The public pages, as someone who is not signed in: the form that takes a typed code and the page a code opens.
public sealed class VerifyTests(AcademySite site) : IClassFixture<AcademySite>
{
    [Fact]
    public async Task Get_AValidCertificateAsAnonymous_ShowsNameCourseDatesAndNoEmail()
    {
        var completed = new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.Zero);
        var (certificate, email, _) = await Arrange.CertificateAsync(site, "Grace Mensah", "Spotting phishing at work", completedAt: completed);

        var response = await site.CreateAnonymousClient().GetAsync(CertificatePaths.VerificationPath(certificate.Code));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = Html.Text(html);
        Assert.Contains("This certificate is valid", text);
        Assert.Contains("Awarded to Grace Mensah", text);
        Assert.Contains("Course Spotting phishing at work", text);
        Assert.Contains("Completed on 15 June 2026", text);
        Assert.Contains("Valid until 15 June 2027", text);
        Assert.Contains(CertificateCode.Format(certificate.Code), text);
        Assert.DoesNotContain(email, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html);
    }

    [Fact]
    public async Task Get_AWithdrawnCertificate_SaysItWasWithdrawnAndWhen()
    {
        var (certificate, _, enrolmentId) = await Arrange.CertificateAsync(site);
        await Arrange.WithdrawnAsync(site, enrolmentId, certificate.CompletionStatementId);
        var withdrawnOn = Certificate.DisplayDate((await Arrange.CertificatesAsync(site, enrolmentId)).Single().WithdrawnAt!.Value);

        var response = await site.CreateAnonymousClient().GetAsync(CertificatePaths.VerificationPath(certificate.Code));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Html.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("This certificate was withdrawn", text);
        Assert.Contains($"Status Withdrawn on {withdrawnOn}", text);
        Assert.DoesNotContain("This certificate is valid", text);
    }

    [Fact]
    public async Task Get_AnExpiredCertificate_SaysItHasExpiredAndWhen()
    {
        var completed = DateTimeOffset.UtcNow.AddMonths(-13);
        var (certificate, _, _) = await Arrange.CertificateAsync(site, validityMonths: 12, completedAt: completed);

        var response = await site.CreateAnonymousClient().GetAsync(CertificatePaths.VerificationPath(certificate.Code));

        var text = Html.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("This certificate has expired", text);
        Assert.Contains($"validity ended on {Certificate.DisplayDate(completed.AddMonths(12))}", text);
        Assert.Contains("Status Expired", text);
    }

    [Fact]
    public async Task Get_ACodeTypedInLowerCaseWithSpaces_FindsTheCertificate()
    {
        var (certificate, _, _) = await Arrange.CertificateAsync(site, "Tomasz Nowak");
        var messy = Uri.EscapeDataString($" {certificate.Code[..4].ToLowerInvariant()} {certificate.Code[4..]} ");

        var response = await site.CreateAnonymousClient().GetAsync($"/learning/certificates/{messy}/verify");

        Assert.Contains("Awarded to Tomasz Nowak", Html.Text(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("0000-0000-0000")]
    [InlineData("not-a-code")]
    [InlineData("%3Cscript%3E")]
    public async Task Get_AnUnknownOrMalformedCode_Is404SayingNoCertificateHasIt(string code)
    {
        var response = await site.CreateAnonymousClient().GetAsync($"/learning/certificates/{code}/verify");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No certificate has this code", Html.Text(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Post_AKnownCodeTypedLoosely_RedirectsToItsVerificationPage()
    {
        var (certificate, _, _) = await Arrange.CertificateAsync(site);
        var typed = "  " + string.Join(" - ", certificate.Code.ToLowerInvariant().Chunk(4).Select(c => new string(c))) + " ";

        var response = await Forms.PostAsync(site.CreateAnonymousClient(), "/learning/verify", new() { ["Code"] = typed });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CertificatePaths.VerificationPath(certificate.Code), response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("", "Enter the verification code printed on the certificate")]
    [InlineData("ABCD-EFGH", "Enter the verification code as it is printed on the certificate: 12 letters and numbers, like 7KQ2-M9XD-4RTB")]
    [InlineData("ABCD-EFGH-JKMU", "Enter the verification code as it is printed on the certificate: 12 letters and numbers, like 7KQ2-M9XD-4RTB")]
    [InlineData("0000-0000-0000", "No certificate has this code. Check the code on the certificate and enter it again")]
    public async Task Post_AMissingMalformedOrUnknownCode_ShowsTheErrorBesideTheField(string typed, string message)
    {
        var response = await Forms.PostAsync(site.CreateAnonymousClient(), "/learning/verify", new() { ["Code"] = typed });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "Code", message);
    }

    [Fact]
    public async Task Post_AHugeValue_SaysHowLongTheCodeMayBe()
    {
        var response = await Forms.PostAsync(site.CreateAnonymousClient(), "/learning/verify", new() { ["Code"] = new string('A', 100_000) });

        await Html.AssertHasFieldErrorAsync(response, "Code", "The verification code must be 100 characters or fewer");
    }

    [Fact]
    public async Task Post_WithoutTheAntiForgeryToken_IsRejected()
    {
        var response = await site.CreateAnonymousClient().PostAsync("/learning/verify", new FormUrlEncodedContent([new("Code", "0000-0000-0000")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_TheFormAsAnonymous_Is200()
    {
        var response = await site.CreateAnonymousClient().GetAsync("/learning/verify");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Check a certificate", Html.Text(await response.Content.ReadAsStringAsync()));
    }
}

/// The lookup limit, on a site of its own that allows 3 lookups a minute.
public sealed class VerifyLimitTests : IAsyncLifetime
{
    private readonly AcademySite site = AcademySite.Create(overrides: new Dictionary<string, string?> { [VerificationLimiter.PerMinuteKey] = "3" });

    [Fact]
    public async Task Lookups_PastTheLimitFromOneAddress_Are429WithTheReasonBesideTheField()
    {
        var client = site.CreateAnonymousClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/learning/certificates/0000-0000-0000/verify")).StatusCode);

        var page = await client.GetAsync("/learning/certificates/0000-0000-0000/verify");
        var form = await Forms.PostAsync(client, "/learning/verify", new() { ["Code"] = "0000-0000-0001" });

        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("Too many checks from your connection", Html.Text(await page.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        await Html.AssertHasFieldErrorAsync(form, "Code", "You have checked too many codes in a short time. Wait a minute, then try again");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await site.DisposeAsync();
}
