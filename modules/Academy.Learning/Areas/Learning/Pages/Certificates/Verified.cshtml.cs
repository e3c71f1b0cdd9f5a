using Academy.Learning.Certificates;
using Academy.Learning.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Learning.Pages.Certificates;

/// The public verification page that the QR code and the printed address open, for anyone, signed in or not.
/// It shows only what a certificate itself says (the learner's name, the course, the dates, whether it stands):
/// whoever checks already has the certificate in front of them and wants to know it is genuine; an email
/// address, trust or score would tell a stranger holding the code more than the paper does.
[AllowAnonymous]
public sealed class VerifiedModel(LearningDbContext db, VerificationLimiter limiter, TimeProvider clock) : PageModel
{
    public Certificate? Certificate { get; private set; }
    public CertificateStatus Status { get; private set; }
    public bool TooManyChecks { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!limiter.TryAcquire(HttpContext.Connection.RemoteIpAddress))
        {
            TooManyChecks = true;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        Certificate = await db.FindByCodeAsync(code, cancellationToken);
        if (Certificate is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Status = Certificate.StatusAt(clock.GetUtcNow());
        return Page();
    }
}
