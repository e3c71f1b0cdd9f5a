using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Academy.Web;

namespace Academy.Learning.Packages;

/// The two addresses imported content talks to, both outside the signed-in site:
/// - /learning/packages/content/{folder}/{path}: a package's files. Each response carries its own content security
///   policy with "sandbox" (no allow-same-origin), so the content runs in an opaque origin: it cannot read Academy's
///   pages, its cookies or its storage, nor call anything but the LRS (which answers it through CORS, with the launch
///   credential only). They are served without sign-in because a sandboxed page's requests carry no SameSite cookies;
///   the folder's random 128-bit name is what keeps a package from being listed, not a secret that guards learners' data.
/// - /learning/packages/fetch/{token}: the cmi5 fetch URL (POST only, once).
internal static class PackageEndpoints
{
    public const string ContentPolicy =
        "sandbox allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-modals allow-downloads; " +
        "default-src 'self' data: blob: 'unsafe-inline' 'unsafe-eval'; connect-src 'self'; form-action 'self'; frame-ancestors 'self'; " +
        "base-uri 'self'; object-src 'none'";

    private static readonly FileExtensionContentTypeProvider Types = new();

    /// On the content host of its own the page keeps that host's origin (players such as @xapi/cmi5 read document.cookie,
    /// which throws in an opaque origin), and may call Academy's site only at the LRS and the fetch URL: its own origin
    /// holds no Academy cookie (cookies are per host), and nothing else of the site is in its connect-src.
    private static string OwnHostPolicy(ISiteLinks links) =>
        ContentPolicy.Replace("sandbox allow-scripts", "sandbox allow-same-origin allow-scripts", StringComparison.Ordinal)
            .Replace("connect-src 'self'", $"connect-src 'self' {links.To(Academy.Xapi.Contracts.XapiEndpoint.Path)} {links.To(Cmi5Launches.FetchPath)}", StringComparison.Ordinal);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Cmi5Launches.ContentPath + "{folder:regex(^[0-9a-f]{{32}}$)}/{**path}", (string folder, string? path, HttpContext context, PackageStore store, ISiteLinks links) =>
        {
            var root = Path.GetFullPath(store.FolderOf(folder)) + Path.DirectorySeparatorChar;
            if (string.IsNullOrEmpty(path) || path.Contains('\0')) return Results.NotFound();
            var file = Path.GetFullPath(Path.Combine(root, path));
            // Extraction refused anything that could escape the folder; this refuses a request that tries.
            if (!file.StartsWith(root, StringComparison.Ordinal) || !File.Exists(file)) return Results.NotFound();
            var headers = context.Response.Headers;
            // On the content host of its own, the page may keep that host's origin; on Academy's own host, never.
            var ownHost = store.ContentHost is { } host && string.Equals(context.Request.Host.Host, host, StringComparison.OrdinalIgnoreCase);
            headers.ContentSecurityPolicy = ownHost ? OwnHostPolicy(links) : ContentPolicy;
            // No Cross-Origin-Resource-Policy: the sandboxed page's origin is opaque, so "same-origin" would block its own scripts.
            headers.CacheControl = "private, max-age=3600";
            if (!Types.TryGetContentType(file, out var type)) type = "application/octet-stream";
            return Results.File(file, type, enableRangeProcessing: true);
        }).AllowAnonymous();

        // The AU posts from its sandboxed (opaque, "null") origin without cookies: any origin may ask; the token is the key.
        endpoints.MapMethods(Cmi5Launches.FetchPath + "{token}", [HttpMethods.Options], (HttpContext context) =>
        {
            AllowAnyOrigin(context);
            return Results.NoContent();
        }).AllowAnonymous();
        endpoints.MapPost(Cmi5Launches.FetchPath + "{token}", async (string token, HttpContext context, Cmi5Launches launches, CancellationToken cancellationToken) =>
        {
            AllowAnyOrigin(context);
            context.Response.Headers.CacheControl = "no-store";
            var answer = token.Length > 100 ? Cmi5Launches.FetchError(2, "Academy did not issue this fetch URL.") : await launches.FetchAsync(token, cancellationToken);
            // cmi5 8.2.2: 200 for a valid request, including one that answers with the error JSON of 8.2.3.
            return Results.Json(answer, statusCode: StatusCodes.Status200OK);
        }).AllowAnonymous().DisableAntiforgery();
    }

    private static void AllowAnyOrigin(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = "*";
        headers.AccessControlAllowMethods = "POST, OPTIONS";
        headers.AccessControlAllowHeaders = "Content-Type";
    }
}
