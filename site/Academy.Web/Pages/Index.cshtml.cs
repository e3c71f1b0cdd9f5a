using Academy.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Web.Pages;

[AllowAnonymous]
public sealed class IndexModel(ISiteSettingsStore site, NavigationMenu navigation) : PageModel
{
    public string SiteName { get; private set; } = "";
    public IReadOnlyList<NavigationLink> Destinations { get; private set; } = [];

    public async Task OnGetAsync()
    {
        SiteName = (await site.GetAsync())?.SiteName ?? "NHS Digital Academy";
        Destinations = User.Identity?.IsAuthenticated == true ? await navigation.ForAsync(User) : [];
    }
}
