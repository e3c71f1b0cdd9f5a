using Academy.Learning.Certificates;
using Academy.Learning.Data;
using Academy.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Learning.Pages.Certificates;

/// The learner's certificate as a PDF. A withdrawn certificate has none: it no longer proves anything.
[Authorize(Policy = Policies.SignedIn)]
public sealed class PdfModel(LearningDbContext db, CertificateLinks links, ISiteSettingsStore siteSettings) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await db.FindLearnersAsync(code, User.UserId(), cancellationToken) is not { WithdrawnAt: null } certificate) return NotFound();
        var siteName = (await siteSettings.GetAsync(cancellationToken))?.SiteName ?? "NHS Digital Academy";
        var pdf = CertificateDocument.Pdf(certificate, siteName, links.VerificationUrl(certificate.Code));
        return File(pdf, "application/pdf", $"certificate-{CertificateCode.Format(certificate.Code)}.pdf");
    }
}
