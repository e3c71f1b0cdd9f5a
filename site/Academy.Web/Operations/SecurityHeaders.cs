using Academy.Web;

namespace Academy.Web.Operations;

/// Headers every response carries. The content security policy allows scripts only from this site
/// or with this request's nonce (the NHS.UK template's two inline scripts carry it). Fonts come
/// from the NHS's own asset host.
public sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CspNonce nonce)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // A response that chose its own policy keeps it: imported e-learning (Learning's package content) is served
            // with a sandboxing policy of its own, stricter about origins and looser about inline script.
            if (headers.ContentSecurityPolicy.Count == 0) headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{nonce.Value}'; style-src 'self'; img-src 'self' data:; " +
                $"font-src 'self' https://assets.nhs.uk; connect-src 'self'; form-action 'self'{string.Concat(nonce.FormActionOrigins.Distinct().Select(o => " " + o))}; frame-ancestors 'self'; " +
                "base-uri 'self'; object-src 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "SAMEORIGIN";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
