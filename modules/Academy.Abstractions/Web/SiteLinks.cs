using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Academy.Web;

/// The site's own absolute addresses, for links in emails (and anything else read away from the site). They come
/// from Academy:PublicUrl and never from the request: a request's Host header is the sender's to choose, and a
/// password-reset link built from it once sent the token to whoever asked (issue 8).
public interface ISiteLinks
{
    /// The site's root, e.g. https://academy.example.nhs.uk/ (always ending in a slash).
    Uri Root { get; }

    /// The absolute address of a path on the site: To("/account/reset-password?token=..."). For what is not a page
    /// (the LRS endpoint, a static file); a page's address comes from ToPage.
    string To(string pathAndQuery);

    /// The absolute address of a Razor page by name, e.g. ToPage("/Returns/Review", "Exemplars", new { id }):
    /// the path from the page's route (values it does not use become the query), the host from Root.
    string ToPage(string page, string? area, object? values = null);
}

public sealed class SiteLinks : ISiteLinks
{
    public const string PublicUrlKey = "Academy:PublicUrl";

    private readonly Uri? configured;
    private readonly IServer server;
    private readonly ILogger logger;
    private readonly LinkGenerator links;
    private Uri? root;

    private SiteLinks(Uri? configured, IServer server, LinkGenerator links, ILogger<SiteLinks> logger) =>
        (this.configured, this.server, this.links, this.logger) = (configured, server, links, logger);

    public Uri Root => root ??= Resolve();

    public string To(string pathAndQuery)
    {
        if (!pathAndQuery.StartsWith('/') || pathAndQuery.StartsWith("//", StringComparison.Ordinal))
            throw new ArgumentException("A site link is a path from the site's root, starting with one '/'.", nameof(pathAndQuery));
        return Root.AbsoluteUri.TrimEnd('/') + pathAndQuery;
    }

    public string ToPage(string page, string? area, object? values = null)
    {
        var route = new RouteValueDictionary(values) { ["area"] = area ?? "" };
        // Without an HttpContext the path has no PathBase: Root, from configuration, carries the site's own path.
        var path = links.GetPathByPage(page, handler: null, values: route)
            ?? throw new InvalidOperationException($"No route reaches the page {area}{page} with those values.");
        return To(path);
    }

    /// Reads Academy:PublicUrl at start. Outside Development it is required: the site refuses to start without it,
    /// since the only other source of its address would be the request. In Development, unset means the address the
    /// site listens on (http://127.0.0.1:5080 with `dotnet run`).
    public static Uri? AddSiteLinks(WebApplicationBuilder builder)
    {
        var value = builder.Configuration[PublicUrlKey];
        Uri? publicUrl = null;
        if (!string.IsNullOrWhiteSpace(value))
        {
            if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out publicUrl) || publicUrl.Scheme is not ("http" or "https")
                || !string.IsNullOrEmpty(publicUrl.Query) || !string.IsNullOrEmpty(publicUrl.Fragment) || !string.IsNullOrEmpty(publicUrl.UserInfo))
                throw new InvalidOperationException($"{PublicUrlKey} must be the site's public http or https address, like https://academy.example.nhs.uk/ (it is '{value}').");
            if (!publicUrl.AbsolutePath.EndsWith('/')) publicUrl = new Uri(publicUrl.AbsoluteUri + "/");
        }
        else if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Set {PublicUrlKey} (environment variable Academy__PublicUrl) to the site's public address, like https://academy.example.nhs.uk/. " +
                "Links in emails (password resets, invitations, returns) are built from it, never from the request; only the Development environment may leave it unset.");
        }
        builder.Services.AddSingleton<ISiteLinks>(sp => new SiteLinks(publicUrl, sp.GetRequiredService<IServer>(), sp.GetRequiredService<LinkGenerator>(), sp.GetRequiredService<ILogger<SiteLinks>>()));
        return publicUrl;
    }

    private Uri Resolve()
    {
        if (configured is not null) return configured;
        // Development only: the first address the server listens on; the in-memory test server reports none.
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var address = listening is null ? new Uri("http://localhost/")
            : new Uri(listening.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").TrimEnd('/') + "/");
        logger.LogWarning("{Key} is not set: links in emails use {Address}, the address this Development site listens on", PublicUrlKey, address);
        return address;
    }
}
