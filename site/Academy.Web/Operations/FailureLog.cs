using Microsoft.AspNetCore.Diagnostics;

namespace Academy.Web.Operations;

/// Logs the cause of every 5xx. An exception is logged by the exception handler; this logs the others, a handler or
/// middleware that set a 5xx status itself, with the endpoint that did it (which the request log alone never said).
/// It sits inside the exception handler and the status code pages, so it sees the status before they replace it.
internal sealed class FailureLog(RequestDelegate next, ILogger<FailureLog> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        // The error page re-executed for a 5xx keeps its status: the first pass has logged it.
        if (context.Response.StatusCode < 500 || context.Features.Get<IExceptionHandlerFeature>() is not null
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null) return;
        logger.LogError("{Method} {Path} answered {StatusCode} without an exception, from {Endpoint}; request {TraceId}",
            context.Request.Method, context.Request.Path.Value, context.Response.StatusCode,
            context.GetEndpoint()?.DisplayName ?? "no endpoint", context.TraceIdentifier);
    }
}
