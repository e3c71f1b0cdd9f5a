using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace Academy.Web.Operations;

/// Every method is deliberate (issue 8, point 6): a page serves GET, HEAD and POST and nothing else (Razor Pages
/// would otherwise render a page for TRACE or OPTIONS), and a method an address does not serve is a 405 with an
/// Allow header, not the catch-all 404, which used to claim every method routing could not place. TRACE and TRACK
/// are never served. Runs after routing, so it sees the endpoint chosen.
internal sealed class AllowedMethods(RequestDelegate next, EndpointDataSource endpoints)
{
    private static readonly string[] PageMethods = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post];
    private IReadOnlyList<(TemplateMatcher Matcher, string[]? Methods)>? table;

    public Task InvokeAsync(HttpContext context)
    {
        // The error pages re-executed for a status or an exception keep the original method and must still render.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
            return next(context);
        var method = context.Request.Method;
        var endpoint = context.GetEndpoint();
        string[]? allowed;
        if (endpoint?.Metadata.GetMetadata<UnknownAddress>() is not null) allowed = ServedAt(context.Request.Path);
        else if (endpoint?.Metadata.GetMetadata<PageActionDescriptor>() is not null) allowed = PageMethods;
        else allowed = endpoint?.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToArray();

        var never = HttpMethods.IsTrace(method) || method.Equals("TRACK", StringComparison.OrdinalIgnoreCase);
        if (!never && (allowed is null || allowed.Contains(method, StringComparer.OrdinalIgnoreCase))) return next(context);
        if (allowed is { Length: 0 } && !never) return next(context); // nothing at this address: the 404
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = string.Join(", ", (allowed ?? []).Where(m => !HttpMethods.IsTrace(m)));
        return Task.CompletedTask;
    }

    /// The methods the other endpoints serve at this path (empty: none is there; null: one takes any method).
    private string[]? ServedAt(PathString path)
    {
        table ??= endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<UnknownAddress>() is null)
            .Select(e => (new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary()),
                e.Metadata.GetMetadata<PageActionDescriptor>() is not null ? PageMethods : e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToArray()))
            .ToList();
        var methods = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (matcher, served) in table)
        {
            if (!matcher.TryMatch(path, new RouteValueDictionary())) continue;
            if (served is null) return null;
            methods.UnionWith(served);
        }
        return [.. methods];
    }
}

/// Marks the catch-all endpoint that answers 404 for addresses nothing else serves.
internal sealed class UnknownAddress;
