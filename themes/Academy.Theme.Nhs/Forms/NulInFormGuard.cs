using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Academy.Theme.Nhs.Forms;

/// ASP.NET refuses to read a url-encoded form that holds a NUL (%00: "The form value contains invalid
/// characters"), so the page never runs and the person gets a bare 400 instead of an error beside the field.
/// This swaps each %00 for U+FFFF, a noncharacter that PlainText refuses like any other hidden character, so
/// the form is read and the page shows its usual field error. Nothing with a NUL is ever stored either way.
public sealed class NulInFormGuard(RequestDelegate next)
{
    /// Forms larger than this are left alone (ASP.NET's own limits then apply).
    private const long MaxBuffered = 16 * 1024 * 1024;
    private static readonly byte[] Nul = "%00"u8.ToArray();
    private static readonly byte[] NonCharacter = "%EF%BF%BF"u8.ToArray();

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType
            && request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            && request.ContentLength is > 0 and <= MaxBuffered)
        {
            using var buffer = new MemoryStream((int)request.ContentLength.Value);
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            var bytes = buffer.ToArray();
            if (bytes.AsSpan().IndexOf(Nul) >= 0) bytes = Replace(bytes);
            request.Body = new MemoryStream(bytes, writable: false);
            request.ContentLength = bytes.Length;
        }
        await next(context);
    }

    private static byte[] Replace(byte[] bytes)
    {
        var output = new MemoryStream(bytes.Length + 64);
        var rest = bytes.AsSpan();
        for (var at = rest.IndexOf(Nul); at >= 0; at = rest.IndexOf(Nul))
        {
            output.Write(rest[..at]);
            output.Write(NonCharacter);
            rest = rest[(at + Nul.Length)..];
        }
        output.Write(rest);
        return output.ToArray();
    }
}

/// Puts the guard first in the pipeline, before anything reads a form.
public sealed class NulInFormGuardStartup : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<NulInFormGuard>();
        next(app);
    };
}
