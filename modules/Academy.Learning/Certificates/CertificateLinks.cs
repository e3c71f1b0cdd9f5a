using Academy.Web;
using Microsoft.AspNetCore.Http;

namespace Academy.Learning.Certificates;

/// The certificate's addresses. The public verification page's is absolute (it goes in the QR code and on paper),
/// built here only, from the page's name. The paths below are the addresses as people type them (and as the tests
/// ask for them); the site's own pages link by page name.
public sealed class CertificateLinks(ISiteLinks links)
{
    public static string Page(string code) => $"/learning/certificates/{CertificateCode.Format(code)}";
    public static string Pdf(string code) => $"/learning/certificates/{CertificateCode.Format(code)}/pdf";
    public static string VerificationPath(string code) => $"/learning/certificates/{CertificateCode.Format(code)}/verify";

    /// On the site's public address (ISiteLinks: Academy:PublicUrl, never the request's Host header).
    public string VerificationUrl(string code) => links.ToPage("/Certificates/Verified", "Learning", new { code = CertificateCode.Format(code) });
}
