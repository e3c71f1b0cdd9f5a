using Academy.Learning.Certificates;
using Academy.Learning.Data;
using Academy.Theme.Nhs.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Learning.Pages.Certificates;

/// Anyone may type a certificate's code to check it; the answer is the public verification page.
[AllowAnonymous]
public sealed class VerifyModel(LearningDbContext db, VerificationLimiter limiter) : PageModel
{
    [BindProperty, MaxChars(100, "The verification code")]
    public string? Code { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Hidden characters or a huge value were refused as the form was read: that error is the one to show.
        this.ThrowIfAny([], StatusCodes.Status200OK);
        if (string.IsNullOrWhiteSpace(Code))
            throw FormValidation.Problem(nameof(Code), "Enter the verification code printed on the certificate", StatusCodes.Status200OK);
        if (!CertificateCode.TryNormalise(Code, out _))
            throw FormValidation.Problem(nameof(Code), "Enter the verification code as it is printed on the certificate: 12 letters and numbers, like 7KQ2-M9XD-4RTB", StatusCodes.Status200OK);
        if (!limiter.TryAcquire(HttpContext.Connection.RemoteIpAddress))
        {
            // Stays inline: FormErrorsFilter shows a form again with the status a page asks for, but this page sets 429
            // on the response itself, as the Identity pages' limits do.
            ModelState.AddModelError(nameof(Code), "You have checked too many codes in a short time. Wait a minute, then try again");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        if (await db.FindByCodeAsync(Code, cancellationToken) is { } certificate)
            return RedirectToPage("/Certificates/Verified", new { code = CertificateCode.Format(certificate.Code) });
        throw FormValidation.Problem(nameof(Code), "No certificate has this code. Check the code on the certificate and enter it again", StatusCodes.Status200OK);
    }
}
