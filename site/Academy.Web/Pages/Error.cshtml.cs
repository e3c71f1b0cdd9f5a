using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Web.Pages;

[AllowAnonymous, IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string? RequestId { get; private set; }

    public string Heading => Code switch
    {
        404 => "Page not found",
        403 => "You do not have access to this page",
        400 => "There was a problem with your request",
        _ => "Sorry, there is a problem with the service",
    };

    public void OnGet(int? code) => Show(code);
    // No parameters to bind: a POST re-executed here after its form could not be read (a NUL in a field is a
    // 400) must not read the form again, or the error page itself fails with a 500.
    public void OnPost() => Show(int.TryParse(RouteData.Values["code"] as string, out var code) ? code : null);

    private void Show(int? code)
    {
        Code = code ?? 500;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        // Re-executed status pages keep their status; the exception handler's page is a 500.
        if (code is null) Response.StatusCode = StatusCodes.Status500InternalServerError;
    }
}
