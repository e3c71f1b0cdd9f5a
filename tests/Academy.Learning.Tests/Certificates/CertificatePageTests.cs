using System.Net;
using System.Text.RegularExpressions;
using Academy.Learning.Certificates;
using Academy.Learning.Tests.Support;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.Pdf.IO;
using StbImageSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Academy.Learning.Tests.Certificates;

/// The learner's own certificate page and its PDF. The site has Academy:PublicUrl set, so the verification link
/// in the QR code and the PDF is on that address whatever the request's host.
public sealed partial class CertificatePageTests(CertificatePageTests.Site site) : IClassFixture<CertificatePageTests.Site>
{
    public const string PublicUrl = "https://academy.example.nhs.uk/";

    public sealed class Site() : AcademySite(null, new Dictionary<string, string?> { ["Academy:PublicUrl"] = PublicUrl });

    private static string VerificationUrl(Certificate c) => "https://academy.example.nhs.uk" + CertificatePaths.VerificationPath(c.Code);

    [Fact]
    public async Task Get_TheLearnersOwnCertificate_ShowsItWithTheCodeQrAndLinks()
    {
        var (certificate, email, _) = await Arrange.CertificateAsync(site, "Olu Adeyemi", "Working with the EPR", completedAt: new DateTimeOffset(2026, 2, 3, 9, 0, 0, TimeSpan.Zero));
        var client = await site.SignInAsync(email, Arrange.Password);

        var response = await client.GetAsync(CertificatePaths.Page(certificate.Code));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = Html.Text(html);
        Assert.Contains("Certificate of completion", text);
        Assert.Contains("This is to certify that Olu Adeyemi has completed the course Working with the EPR", text);
        Assert.Contains("Completed on 3 February 2026", text);
        Assert.Contains("Valid until 3 February 2027", text);
        Assert.Contains($"Verification code {CertificateCode.Format(certificate.Code)}", text);
        Assert.Contains($"href=\"{VerificationUrl(certificate)}\"", html);
        Assert.Contains($"href=\"{CertificatePaths.Pdf(certificate.Code)}\"", html);
        Assert.Matches(QrImage(), html);
    }

    [Fact]
    public async Task Get_TheCertificatePage_ItsQrCodeDecodesToTheVerificationUrl()
    {
        var (certificate, email, _) = await Arrange.CertificateAsync(site);
        var client = await site.SignInAsync(email, Arrange.Password);
        var html = await (await client.GetAsync(CertificatePaths.Page(certificate.Code))).Content.ReadAsStringAsync();

        var png = Convert.FromBase64String(WebUtility.HtmlDecode(QrImage().Match(html).Groups[1].Value));

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlue);
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGB24)));
        var decoded = new QRCodeReader().decode(bitmap);
        Assert.NotNull(decoded);
        Assert.Equal(VerificationUrl(certificate), decoded.Text);
    }

    [Fact]
    public async Task Get_AnotherLearnersCertificate_Is404()
    {
        var (certificate, _, _) = await Arrange.CertificateAsync(site);
        var other = await site.SignInAsNewUserAsync(Arrange.NewEmail("other"), [Roles.Learner]);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(CertificatePaths.Page(certificate.Code))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(CertificatePaths.Pdf(certificate.Code))).StatusCode);
    }

    [Fact]
    public async Task Get_TheCertificatePageAsAnonymous_RedirectsToSignIn()
    {
        var (certificate, _, _) = await Arrange.CertificateAsync(site);

        var response = await site.CreateAnonymousClient().GetAsync(CertificatePaths.Page(certificate.Code));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task GetPdf_TheLearnersCertificate_IsAOnePagePdfWithTheCodeAndTheVerificationLink()
    {
        var (certificate, email, _) = await Arrange.CertificateAsync(site, "Chen Wei", "Sharing information safely");
        var client = await site.SignInAsync(email, Arrange.Password);

        var response = await client.GetAsync(CertificatePaths.Pdf(certificate.Code));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"certificate-{CertificateCode.Format(certificate.Code)}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        Assert.Equal(1, pdf.PageCount);
        Assert.Equal("Certificate: Sharing information safely", pdf.Info.Title);
        Assert.Contains($"Chen Wei completed Sharing information safely. Verification code {CertificateCode.Format(certificate.Code)}", pdf.Info.Subject);
        var links = pdf.Pages[0].Annotations.Select(a => (a as PdfAnnotation)?.Elements.GetDictionary("/A")?.Elements.GetString("/URI")).ToList();
        Assert.Contains(VerificationUrl(certificate), links);
        Assert.True(pdf.Pages[0].Width.Point > pdf.Pages[0].Height.Point, "A4 landscape");
    }

    [Fact]
    public async Task Get_AWithdrawnCertificate_SaysSoAndOffersNoPdf()
    {
        var (certificate, email, enrolmentId) = await Arrange.CertificateAsync(site);
        await Arrange.WithdrawnAsync(site, enrolmentId, certificate.CompletionStatementId);
        var client = await site.SignInAsync(email, Arrange.Password);

        var page = await client.GetAsync(CertificatePaths.Page(certificate.Code));
        var pdf = await client.GetAsync(CertificatePaths.Pdf(certificate.Code));

        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("This certificate was withdrawn", Html.Text(html));
        Assert.DoesNotContain(CertificatePaths.Pdf(certificate.Code), html);
        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
    }

    [Fact]
    public async Task GetList_TheLearnersCertificates_ListsTheirsOnly()
    {
        var (mine, email, _) = await Arrange.CertificateAsync(site, courseTitle: "Passwords and multi-factor authentication");
        var (theirs, _, _) = await Arrange.CertificateAsync(site, courseTitle: "Someone else's course");
        var client = await site.SignInAsync(email, Arrange.Password);

        var html = await (await client.GetAsync("/learning/certificates")).Content.ReadAsStringAsync();

        Assert.Contains($"href=\"{CertificatePaths.Page(mine.Code)}\"", html);
        Assert.Contains("Passwords and multi-factor authentication", Html.Text(html));
        Assert.DoesNotContain(CertificatePaths.Page(theirs.Code), html);
    }

    [Fact]
    public async Task GetMyLearning_LinksToTheLearnersCertificates()
    {
        var client = await site.SignInAsNewUserAsync(Arrange.NewEmail("learner"), [Roles.Learner]);

        var html = await client.GetStringAsync("/learning");

        Assert.Contains("<a href=\"/learning/certificates\">See your certificates</a>", html);
    }

    [GeneratedRegex("<img class=\"app-certificate__qr\" src=\"data:image/png;base64,([^\"]+)\"")]
    private static partial Regex QrImage();
}
