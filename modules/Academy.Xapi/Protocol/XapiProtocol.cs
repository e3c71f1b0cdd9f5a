using System.Text;
using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Academy.Xapi.Protocol;

/// What the protocol layer learnt about an xAPI request: the version it speaks and who sent it.
public sealed record XapiRequest(string Version, XapiCaller Caller)
{
    public bool IsVersion2 => Version.StartsWith("2.", StringComparison.Ordinal);
}

/// Says which scope an xAPI endpoint needs (any one of them).
public sealed record XapiScopeRequirement(params string[] Scopes);

public static partial class XapiProtocol
{
    public const string VersionHeader = "X-Experience-API-Version";
    public const string ConsistentThroughHeader = "X-Experience-API-Consistent-Through";
    public const string HashHeader = "X-Experience-API-Hash";

    /// The /xapi route group every resource maps into. The protocol middleware (registered by
    /// <see cref="AddXapiProtocol"/>) has already checked the version header, the credential and the rate
    /// limit; this group turns off the cookie fallback policy (xAPI clients use HTTP Basic, never the
    /// sign-in page), checks each endpoint's <see cref="XapiScopeRequirement"/> and turns an
    /// <see cref="XapiException"/> into its status with an <see cref="XapiProblem"/> body.
    public static RouteGroupBuilder MapXapi(this IEndpointRouteBuilder endpoints) =>
        (RouteGroupBuilder)endpoints.MapGroup("/xapi").AllowAnonymous().AddEndpointFilter(XapiFilterAsync);

    public static TBuilder RequireXapiScope<TBuilder>(this TBuilder builder, params string[] scopes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new XapiScopeRequirement(scopes));

    public static XapiRequest Xapi(this HttpContext context) =>
        context.Features.Get<XapiRequest>() ?? throw new InvalidOperationException("Not an authenticated xAPI request.");

    /// 400 when the query string has a parameter the resource does not define, or one twice.
    public static void RejectUnknownParameters(HttpRequest request, params string[] allowed)
    {
        foreach (var (name, values) in request.Query)
        {
            if (!allowed.Contains(name, StringComparer.Ordinal))
                throw new XapiException($"The parameter '{name}' is not a parameter of this resource.", name, "Communication 2.1.3: the LRS rejects unknown parameters");
            if (values.Count > 1)
                throw new XapiException($"The parameter '{name}' is given more than once.", name);
        }
    }

    public static void AddXapiProtocol(this IServiceCollection services, XapiOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<XapiSecretCache>();
        services.AddSingleton(new XapiRateLimiter(options));
        services.AddSingleton(new XapiFailedAuthentications(options));
        services.AddScoped<XapiCredentials>();
        services.AddTransient<IStartupFilter, XapiStartupFilter>();
        services.AddExceptionHandler<XapiExceptionHandler>();
    }

    private static async ValueTask<object?> XapiFilterAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        // The site's NHS error pages are for people; an xAPI client gets the status and a JSON reason.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        var request = context.Features.Get<XapiRequest>();
        if (request is null) return XapiProblem.Create(StatusCodes.Status401Unauthorized, "Send HTTP Basic credentials.");
        var requirement = context.GetEndpoint()?.Metadata.GetMetadata<XapiScopeRequirement>();
        var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        if (requirement is not null && !requirement.Scopes.Any(s => request.Caller.Has(s, isRead)))
            return XapiProblem.Create(StatusCodes.Status403Forbidden, $"This credential lacks the scope {string.Join(" or ", requirement.Scopes)}.", rule: "Communication 4: scopes");
        if (request.Caller.Launch is not null && Launch.LaunchRules.RefuseResource(context) is { } refusal)
            return XapiProblem.Create(StatusCodes.Status403Forbidden, refusal, rule: "Academy launch credential");
        try
        {
            return await next(invocation);
        }
        catch (XapiException e)
        {
            return XapiProblem.Create(e.Status, e.Message, e.Property, e.Rule);
        }
        catch (BadHttpRequestException e)
        {
            return XapiProblem.Create(e.StatusCode, e.Message);
        }
    }

    /// Communication 3.3: 1.0, 1.0.x, 2.0 and 2.0.x (a patch release changes nothing a client can see).
    [GeneratedRegex(@"^(1\.0(\.\d+)?|2\.0(\.\d+)?)$")]
    internal static partial Regex SupportedVersion();
}

/// Issue 8 §4: an xAPI client gets every error as the LRS's JSON, an unexpected one (500) included,
/// never the site's HTML error page; the cause is logged. The site's exception handler asks this first.
internal sealed class XapiExceptionHandler(ILogger<XapiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // The handler runs with the request's path already set to the site's error page: ask for the original.
        var path = new PathString(context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value);
        if (!path.StartsWithSegments("/xapi") || context.Response.HasStarted) return false;
        log.LogError(exception, "The LRS failed on {Method} {Path}", context.Request.Method, path);
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        await XapiProblem.WriteAsync(context, StatusCodes.Status500InternalServerError, "The LRS failed to answer this request; it has been logged. Nothing was stored unless a later read shows it.");
        return true;
    }
}

internal sealed class XapiStartupFilter : IStartupFilter
{
    // Before routing: the alternate request syntax changes the method, and CORS preflights must be
    // answered before any endpoint (or the cookie sign-in) sees them.
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<XapiProtocolMiddleware>();
        next(app);
    };
}

internal sealed class XapiProtocolMiddleware(RequestDelegate next, XapiOptions options, XapiRateLimiter limiter, XapiFailedAuthentications failures, ILogger<XapiProtocolMiddleware> log)
{
    private static readonly string[] HeaderFields = ["Authorization", "X-Experience-API-Version", "Content-Type", "Content-Length", "If-Match", "If-None-Match"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/xapi", out var rest))
        {
            await next(context);
            return;
        }
        // This middleware runs before the site's exception handler: what fails here is answered here.
        try
        {
            await InvokeXapiAsync(context, rest);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            log.LogError(e, "The LRS failed on {Method} {Path}", context.Request.Method, context.Request.Path);
            await XapiProblem.WriteAsync(context, StatusCodes.Status500InternalServerError, "The LRS failed to answer this request; it has been logged.");
        }
    }

    private async Task InvokeXapiAsync(HttpContext context, PathString rest)
    {
        var response = context.Response;
        if (context.Request.Headers.Origin is { Count: > 0 } origin)
        {
            response.Headers.AccessControlAllowOrigin = origin.ToString();
            response.Headers.Vary = "Origin";
            response.Headers.AccessControlExposeHeaders = "ETag, Last-Modified, X-Experience-API-Consistent-Through, X-Experience-API-Version, Content-Type";
        }
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            response.Headers.AccessControlAllowMethods = "GET, HEAD, PUT, POST, DELETE, OPTIONS";
            response.Headers.AccessControlAllowHeaders = "Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match, X-Requested-With";
            response.Headers.AccessControlMaxAge = "86400";
            response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        if (rest.Equals("/about", StringComparison.OrdinalIgnoreCase))
        {
            // About is public and answers whatever version the client speaks.
            response.Headers[XapiProtocol.VersionHeader] = AnswerVersion(context);
            await next(context);
            return;
        }

        if (context.Request.ContentLength > options.MaxRequestBytes)
        {
            response.Headers[XapiProtocol.VersionHeader] = AnswerVersion(context);
            await XapiProblem.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, $"The request is larger than {options.MaxRequestBytes} bytes.");
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = options.MaxRequestBytes;

        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Query.ContainsKey("method"))
        {
            var problem = await ApplyAlternateSyntaxAsync(context);
            if (problem is not null)
            {
                response.Headers[XapiProtocol.VersionHeader] = AnswerVersion(context);
                await XapiProblem.WriteAsync(context, StatusCodes.Status400BadRequest, problem, rule: "Communication 1.3: alternate request syntax");
                return;
            }
        }

        var version = context.Request.Headers[XapiProtocol.VersionHeader].ToString().Trim();
        response.Headers[XapiProtocol.VersionHeader] = AnswerVersion(context);
        if (!XapiProtocol.SupportedVersion().IsMatch(version))
        {
            await XapiProblem.WriteAsync(context, StatusCodes.Status400BadRequest,
                version.Length == 0 ? "Send the X-Experience-API-Version header." : $"The version '{version}' is not supported: use 1.0.x or 2.0.x.",
                XapiProtocol.VersionHeader, "Communication 3.3: versioning");
            return;
        }

        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var throttled = failures.IsThrottled(client);
        var caller = await context.RequestServices.GetRequiredService<XapiCredentials>()
            .AuthenticateAsync(context.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, context.RequestAborted, allowSlowCheck: !throttled);
        if (caller is null && throttled)
        {
            response.Headers.RetryAfter = "60";
            await XapiProblem.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many failed sign-ins from this address: wait a minute and send valid credentials.", "Authorization", "Communication 4: security");
            return;
        }
        if (caller is null)
        {
            failures.Record(client);
            response.Headers.WWWAuthenticate = "Basic realm=\"xAPI\", charset=\"UTF-8\"";
            await XapiProblem.WriteAsync(context, StatusCodes.Status401Unauthorized, "Send valid HTTP Basic credentials (a key and secret issued by an administrator).", "Authorization", "Communication 4: security");
            return;
        }

        using var lease = limiter.Acquire(caller.Key);
        if (!lease.IsAcquired)
        {
            response.Headers.RetryAfter = "1";
            await XapiProblem.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests for this credential: slow down and retry.");
            return;
        }

        context.Features.Set(new XapiRequest(version, caller));
        await next(context);
    }

    /// Communication 3.3: every answer carries the latest patch of the version the client speaks (1.0.3
    /// to 1.0.x, 2.0.0 to 2.0.x) and, when the header is missing or unsupported, the configured one.
    private string AnswerVersion(HttpContext context)
    {
        var version = context.Request.Headers[XapiProtocol.VersionHeader].ToString().Trim();
        if (!XapiProtocol.SupportedVersion().IsMatch(version)) return options.UnversionedAnswer is "1.0.3" ? "1.0.3" : "2.0.0";
        return version.StartsWith("1.", StringComparison.Ordinal) ? "1.0.3" : "2.0.0";
    }

    /// Communication 1.3: POST ?method=X with a form body that carries the headers, the content and
    /// the resource's parameters.
    private static async Task<string?> ApplyAlternateSyntaxAsync(HttpContext context)
    {
        var request = context.Request;
        // xAPI 2.0 (IEEE 9274.1.1) removed the alternate request syntax: a 2.0 client is refused
        // (the 2.0 conformance suite expects a 4xx), a 1.0.x client keeps it.
        if (request.Headers[XapiProtocol.VersionHeader].ToString().Trim().StartsWith("2.", StringComparison.Ordinal))
            return "xAPI 2.0 has no alternate request syntax: send the request with its own method and headers.";
        if (request.Query.Count != 1)
            return "The alternate request syntax allows no query parameter except 'method'.";
        var method = request.Query["method"].ToString();
        if (method is not ("GET" or "PUT" or "POST" or "DELETE" or "HEAD"))
            return $"The method '{method}' is not an HTTP method of xAPI.";
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            return "The alternate request syntax needs a body of Content-Type application/x-www-form-urlencoded.";

        IFormCollection form;
        try { form = await request.ReadFormAsync(context.RequestAborted); }
        catch (InvalidDataException e) { return "The form body could not be read: " + e.Message; }
        var formVersion = form.FirstOrDefault(f => f.Key.Equals(XapiProtocol.VersionHeader, StringComparison.OrdinalIgnoreCase)).Value.ToString().Trim();
        if (formVersion.StartsWith("2.", StringComparison.Ordinal))
            return "xAPI 2.0 has no alternate request syntax: send the request with its own method and headers.";

        var query = new Dictionary<string, StringValues>();
        string? content = null;
        request.Headers.ContentType = StringValues.Empty;
        request.Headers.ContentLength = null;
        request.Headers.Remove("Content-Type");
        foreach (var (name, value) in form)
        {
            var header = HeaderFields.FirstOrDefault(h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
            // XAPI-00336 (Communication 1.3): form fields named like these headers are the request's
            // headers, so they replace any real header of that name (a form carrying
            // X-Experience-API-Version: 0.8 is refused as a 0.8 request would be).
            if (header is not null) request.Headers[header] = value;
            else if (name == "content") content = value.ToString();
            else query[name] = value;
        }
        request.Method = method;
        request.QueryString = QueryString.Create(query);
        request.Query = new QueryCollection(query);
        var bytes = Encoding.UTF8.GetBytes(content ?? "");
        request.Body = new MemoryStream(bytes);
        request.ContentLength = bytes.Length;
        if (content is not null && string.IsNullOrEmpty(request.ContentType)) request.ContentType = "application/json";
        // The form has been read: forget it, so that nothing reads it as the resource's body.
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        return null;
    }
}

/// A token bucket per credential key (per node; a load balancer multiplies it by the node count).
internal sealed class XapiRateLimiter(XapiOptions options)
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, options.Burst),
            TokensPerPeriod = Math.Max(1, options.RequestsPerSecond),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public RateLimitLease Acquire(string key) => limiter.AttemptAcquire(key);
}
