using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Web.Pages;

/// The page shown for an error status (re-executed by the status code pages) or an unhandled exception.
/// It takes nothing from the request but the features the two middlewares leave: no handler parameters, no bound
/// properties. It once took the code as a handler parameter, and binding it read the refused request's form again:
/// a body that could not be read (malformed multipart, a NUL in a field, an oversized upload) left no value
/// providers at all, so the code came back null and the page answered 500 itself, with no exception to log.
/// The work is in OnPageHandlerExecuting so that every method (the exception handler re-executes with the
/// original one, PUT or DELETE included) gets the same page.
[AllowAnonymous, IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string? RequestId { get; private set; }

    public string Heading => Code switch
    {
        404 => "Page not found",
        403 => "You do not have access to this page",
        405 => "This page cannot do what was asked",
        413 => "What you sent is too large",
        429 => "Too many requests",
        400 => "There was a problem with your request",
        _ => "Sorry, there is a problem with the service",
    };

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var failed = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        var status = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        // Opened directly (/error, /error/500): nothing failed, so there is no such page.
        Code = failed ? StatusCodes.Status500InternalServerError : status?.OriginalStatusCode ?? StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        context.Result = Page();
    }
}
