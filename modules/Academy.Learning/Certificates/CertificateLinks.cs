using Academy.Web;

namespace Academy.Learning.Certificates;

/// The certificate's public verification address, absolute (it goes in the QR code and on paper), built here only,
/// from the page's name. The site's own pages link to the certificate, its PDF and this page by page name.
public sealed class CertificateLinks(ISiteLinks links)
{
    /// On the site's public address (ISiteLinks: Academy:PublicUrl, never the request's Host header).
    public string VerificationUrl(string code) => links.ToPage("/Certificates/Verified", "Learning", new { code = CertificateCode.Format(code) });
}
