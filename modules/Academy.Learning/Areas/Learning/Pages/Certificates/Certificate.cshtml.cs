using Academy.Learning.Certificates;
using Academy.Learning.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Learning.Pages.Certificates;

/// A learner's own certificate, to print or download. Another person's code is not found (404), whoever asks.
[Authorize(Policy = Policies.SignedIn)]
public sealed class CertificateModel(LearningDbContext db, CertificateLinks links, TimeProvider clock) : PageModel
{
    public Certificate Certificate { get; private set; } = default!;
    public CertificateStatus Status { get; private set; }
    public string VerificationUrl { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await db.FindLearnersAsync(code, User.UserId(), cancellationToken) is not { } certificate) return NotFound();
        Certificate = certificate;
        Status = certificate.StatusAt(clock.GetUtcNow());
        VerificationUrl = links.VerificationUrl(certificate.Code);
        // Inline, so the printed page needs nothing else (the CSP allows data: images).
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(CertificateQr.Png(VerificationUrl));
        return Page();
    }
}
