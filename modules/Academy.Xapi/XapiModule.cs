using Academy.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Academy.Xapi;

/// The Learning Record Store. This is the module's first endpoint; statements, documents and
/// credentials follow (issue 3).
public sealed class XapiModule : IAcademyModule
{
    public ModuleManifest Manifest { get; } = new("xAPI", "Academy's Learning Record Store (xAPI 1.0.3 and 2.0).", "/xapi/about");

    public void ConfigureServices(WebApplicationBuilder builder) { }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // The About resource is public in the specification: any client may ask which versions the LRS speaks.
        endpoints.MapGet("/xapi/about", (HttpResponse response) =>
        {
            response.Headers["X-Experience-API-Version"] = "2.0.0";
            return Results.Json(new { version = new[] { "2.0.0", "1.0.3" } });
        }).AllowAnonymous();
    }
}
