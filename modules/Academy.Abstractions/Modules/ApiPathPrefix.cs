using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Modules;

/// A URL prefix where a module serves machines rather than people (a JSON API, the LRS), declared by the module
/// itself (issue 14 §3) so that neither Identity nor the host types "/api" or "/xapi". Under it the sign-in cookie
/// answers 401/403 instead of redirecting to the sign-in page and errors are problem JSON; with ServedBeforeSetup the
/// site answers there before setup has run (the LRS's clients are not sent to /setup).
public sealed record ApiPathPrefix(string Prefix, bool ServedBeforeSetup = false);

public static class ApiPaths
{
    public static bool IsApiRequest(this HttpContext context) =>
        context.RequestServices.GetServices<ApiPathPrefix>().Any(p => context.Request.Path.StartsWithSegments(p.Prefix));

    public static bool IsServedBeforeSetup(this HttpContext context) =>
        context.RequestServices.GetServices<ApiPathPrefix>().Any(p => p.ServedBeforeSetup && context.Request.Path.StartsWithSegments(p.Prefix));
}
