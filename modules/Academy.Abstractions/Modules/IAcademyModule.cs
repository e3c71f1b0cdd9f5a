using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Academy.Modules;

/// What every module gives the host: its registrations in one place and its endpoints in another,
/// the way an Orchard Core module's Startup does. The host calls these in the order Program.cs lists them.
public interface IAcademyModule
{
    /// Manifest: a name and what the module is for.
    ModuleManifest Manifest { get; }

    void ConfigureServices(WebApplicationBuilder builder);

    void MapEndpoints(IEndpointRouteBuilder endpoints) { }

    /// Runs once at start, after every module's migrations, in a scope of its own
    /// (roles that must exist, a credential provisioned from configuration...).
    Task StartAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed record ModuleManifest(string Name, string Description, string? LandingPath = null);

/// An entry of the header navigation, shown to people who hold any of <see cref="Roles"/>
/// (to every signed-in person when empty; to everyone, signed in or not, when <see cref="Anonymous"/>).
public sealed record NavigationItem(string Text, string Href, int Order, IReadOnlyList<string> Roles, bool Anonymous = false)
{
    /// The one entry a page belongs to: the longest Href that is the path or a whole-segment prefix of it
    /// (on /learning/courses that is "Find a course", not also "My learning" at /learning).
    public static NavigationItem? CurrentFor(IEnumerable<NavigationItem> items, string path) => items
        .Where(n => n.Href != "/" && (path.Equals(n.Href, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(n.Href.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase)))
        .MaxBy(n => n.Href.Length);
}
