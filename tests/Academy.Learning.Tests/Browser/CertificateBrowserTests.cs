using Academy.Learning.Certificates;
using Academy.Learning.Tests.Support;
using Microsoft.Playwright;
using PdfSharp.Pdf.IO;

namespace Academy.Learning.Tests.Browser;

/// The real site on Kestrel and Debian's Chromium: a valid and a withdrawn certificate, and their learner.
public sealed class CertificateBrowserFixture : IAsyncLifetime
{
    public AcademySite Site { get; } = AcademySite.Create(kestrel: true);
    public Academy.Testing.Browser Browser { get; } = new();
    public Uri Address { get; private set; } = default!;
    public Certificate Valid { get; private set; } = default!;
    public Certificate Withdrawn { get; private set; } = default!;
    public string LearnerEmail { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Address = Site.ServerAddress;
        await Browser.InitializeAsync();
        (Valid, LearnerEmail, _) = await Arrange.CertificateAsync(Site, "Aisha Rahman", "Digital foundations for NHS staff");
        var (withdrawn, _, enrolmentId) = await Arrange.CertificateAsync(Site, "Ben Carter", "Information governance");
        await Arrange.WithdrawnAsync(Site, enrolmentId, withdrawn.CompletionStatementId);
        Withdrawn = withdrawn;
    }

    public Task<IPage> SignedInPageAsync(string email) => Browser.SignedInPageAsync(Address, email, Arrange.Password);

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Site.DisposeAsync();
    }
}

public sealed class CertificateBrowserTests(CertificateBrowserFixture f) : IClassFixture<CertificateBrowserFixture>
{
    [Fact]
    public async Task CertificatePage_ForItsLearner_HasNoAccessibilityErrors_AndPrintsOnOneA4PageWithoutHeaderOrFooter()
    {
        var page = await f.SignedInPageAsync(f.LearnerEmail);
        await page.GotoAsync(CertificatePaths.Page(f.Valid.Code));
        Assert.Equal("Certificate of completion", await page.TextContentAsync("h1"));

        await Accessibility.AssertNoViolationsAsync(page);

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.IsVisibleAsync("header.nhsuk-header"));
        Assert.False(await page.IsVisibleAsync("footer.nhsuk-footer"));
        Assert.False(await page.IsVisibleAsync("text=Download the certificate (PDF)"));
        Assert.True(await page.IsVisibleAsync(".app-certificate__qr"));
        var printed = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });
        using var pdf = PdfReader.Open(new MemoryStream(printed), PdfDocumentOpenMode.Import);
        Assert.Equal(1, pdf.PageCount);
        // A4 landscape is 842 × 595 points.
        Assert.InRange(pdf.Pages[0].Width.Point, 841, 843);
        Assert.InRange(pdf.Pages[0].Height.Point, 594, 596);
    }

    [Fact]
    public async Task VerifyForm_AndItsErrorState_HaveNoAccessibilityErrors_AndAValidCodeOpensThePublicPage()
    {
        var page = await f.Browser.NewPageAsync(f.Address);
        await page.GotoAsync("/learning/verify");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.FillAsync("#Code", "ABCD-EFGH");
        await page.ClickAsync("button:has-text('Check the certificate')");
        Assert.Contains("There is a problem", await page.TextContentAsync(".nhsuk-error-summary"));
        Assert.StartsWith("Error: ", await page.TitleAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.FillAsync("#Code", f.Valid.Code.ToLowerInvariant());
        await page.ClickAsync("button:has-text('Check the certificate')");
        await page.WaitForURLAsync("**" + CertificatePaths.VerificationPath(f.Valid.Code));
        Assert.Equal("This certificate is valid", await page.TextContentAsync("h1"));
    }

    [Theory]
    [InlineData("valid", "This certificate is valid")]
    [InlineData("withdrawn", "This certificate was withdrawn")]
    [InlineData("unknown", "No certificate has this code")]
    public async Task PublicPage_AsAnonymous_HasNoAccessibilityErrors(string which, string heading)
    {
        var code = which switch { "valid" => f.Valid.Code, "withdrawn" => f.Withdrawn.Code, _ => "0000-0000-0000" };
        var page = await f.Browser.NewPageAsync(f.Address);

        await page.GotoAsync($"/learning/certificates/{code}/verify");

        Assert.Equal(heading, await page.TextContentAsync("h1"));
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
