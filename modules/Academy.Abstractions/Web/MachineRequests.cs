using Academy.Modules;
using Microsoft.AspNetCore.Http;

namespace Academy.Web;

/// Which requests come from machines rather than people: a path under a prefix some module declared in its
/// manifest (<see cref="ModuleManifest.MachinePrefixes"/>), or a client that asks for JSON and not HTML.
/// Machines get status codes and JSON bodies, never redirects to the sign-in page or HTML error pages.
public sealed class MachineRequests(IEnumerable<IAcademyModule> modules)
{
    private readonly PathString[] prefixes = modules.SelectMany(m => m.Manifest.MachinePrefixes).Select(p => new PathString(p)).ToArray();

    public bool IsMachinePath(PathString path) => prefixes.Any(path.StartsWithSegments);

    public bool WantsJson(HttpContext context)
    {
        if (IsMachinePath(context.Request.Path)) return true;
        var accept = context.Request.Headers.Accept.ToString();
        return accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}
