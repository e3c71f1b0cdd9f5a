using Academy.Modules;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace Academy.Web.Operations;

/// An error status under a module's API prefix (ApiPathPrefix: /api/exemplars, /xapi), or for a client that asks for JSON and not HTML) that no one gave a body,
/// such as the 401 and 403 of the cookie sign-in, answers application/problem+json rather than the HTML error page.
internal static class ApiErrors
{
    public static bool WantJson(HttpContext context)
    {
        if (context.IsApiRequest()) return true;
        var accept = context.Request.Headers.Accept.ToString();
        return accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    public static Task WriteAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        var code = context.Response.StatusCode;
        return Results.Problem(statusCode: code, title: ReasonPhrases.GetReasonPhrase(code)).ExecuteAsync(context);
    }
}
