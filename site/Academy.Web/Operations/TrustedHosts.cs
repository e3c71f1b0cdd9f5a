using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;

namespace Academy.Web.Operations;

/// Which Host headers and which proxies the site believes. Links never come from the request (SiteLinks), but the
/// Host header still reaches redirects and logs: only the site's own host is served, and X-Forwarded-For/-Proto are
/// read only from the proxies configuration names (X-Forwarded-Host never).
internal static class TrustedHosts
{
    public static void AddTrustedHosts(this WebApplicationBuilder builder, Uri? publicUrl)
    {
        // AllowedHosts set in configuration wins; otherwise the host of Academy:PublicUrl (plus loopback names in
        // Development, for `dotnet run` and tests). WebApplication's own defaults turn "unset" into "*" afterwards.
        var configured = builder.Configuration["AllowedHosts"];
        if (string.IsNullOrWhiteSpace(configured) && publicUrl is not null)
        {
            List<string> hosts = [publicUrl.IdnHost];
            if (builder.Environment.IsDevelopment()) hosts.AddRange(["localhost", "127.0.0.1", "[::1]"]);
            builder.Services.Configure<HostFilteringOptions>(options => options.AllowedHosts = hosts);
        }

        var proxies = builder.Configuration.GetSection("Academy:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = builder.Configuration.GetSection("Academy:ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            // Unset: only a proxy on this machine (loopback) is believed, the framework's default.
            if (proxies.Length == 0 && networks.Length == 0) return;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
    }
}
