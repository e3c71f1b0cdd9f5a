using Academy.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Web.Pages;

[AllowAnonymous]
public sealed class IndexModel(ISiteSettingsStore site, IEnumerable<NavigationItem> navigation) : PageModel
{
    public string SiteName { get; private set; } = "";
    public IReadOnlyList<NavigationItem> Destinations { get; private set; } = [];

    public async Task OnGetAsync()
    {
        SiteName = (await site.GetAsync())?.SiteName ?? "NHS Digital Academy";
        Destinations = navigation
            .Where(n => !n.Anonymous && (n.Roles.Count == 0 || n.Roles.Any(User.IsInRole)))
            .OrderBy(n => n.Order).ToList();
    }
}
