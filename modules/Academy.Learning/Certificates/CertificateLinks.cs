using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Academy.Learning.Certificates;

/// The certificate's addresses. The public verification page's is absolute (it goes in the QR code and on paper),
/// built here only.
public sealed class CertificateLinks(IConfiguration configuration)
{
    public static string Page(string code) => $"/learning/certificates/{CertificateCode.Format(code)}";
    public static string Pdf(string code) => $"/learning/certificates/{CertificateCode.Format(code)}/pdf";
    public static string VerificationPath(string code) => $"/learning/certificates/{CertificateCode.Format(code)}/verify";

    /// From Academy:PublicUrl when set, else (Development) the request's own address.
    // REVIEW: swap for the host's ISiteLinks.To(VerificationPath(code)) once the security branch lands it
    // (Academy:PublicUrl required outside Development; never the request's Host header).
    public string VerificationUrl(string code, HttpRequest request)
    {
        var root = configuration["Academy:PublicUrl"]?.Trim().TrimEnd('/');
        if (string.IsNullOrEmpty(root)) root = $"{request.Scheme}://{request.Host}{request.PathBase}";
        return root + VerificationPath(code);
    }
}
