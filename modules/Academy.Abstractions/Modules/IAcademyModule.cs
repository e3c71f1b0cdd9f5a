using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
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

/// An entry of the header navigation (and a card on the home page): a page, by name and area, shown to the people
/// the named policy allows. The address comes from the page's route, so renaming a route moves the menu with it.
public sealed record NavigationItem(string Text, string Page, string? Area, int Order, string Policy);

/// A navigation entry the person may use, with its address resolved.
public sealed record NavigationLink(string Text, string Href, int Order)
{
    /// The one entry a page belongs to: the longest Href that is the path or a whole-segment prefix of it
    /// (on /learning/courses that is "Find a course", not also "My learning" at /learning).
    public static NavigationLink? CurrentFor(IEnumerable<NavigationLink> items, string path) => items
        .Where(n => n.Href != "/" && (path.Equals(n.Href, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(n.Href.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase)))
        .MaxBy(n => n.Href.Length);
}

/// The entries one person sees, in order: the header and the home page ask the same question the pages' own
/// [Authorize] attributes do, so a menu never offers a page that would then refuse.
public sealed class NavigationMenu(IEnumerable<NavigationItem> items, IAuthorizationService authorization, LinkGenerator links)
{
    public async Task<IReadOnlyList<NavigationLink>> ForAsync(ClaimsPrincipal user)
    {
        var visible = new List<NavigationLink>();
        foreach (var item in items.OrderBy(i => i.Order))
        {
            if (!(await authorization.AuthorizeAsync(user, item.Policy)).Succeeded) continue;
            var href = links.GetPathByPage(item.Page, values: new { area = item.Area ?? "" })
                ?? throw new InvalidOperationException($"The navigation entry '{item.Text}' names the page {item.Area}{item.Page}, which has no route.");
            visible.Add(new NavigationLink(item.Text, href, item.Order));
        }
        return visible;
    }
}
