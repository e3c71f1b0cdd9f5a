using Academy.Exemplars.Blueprints;
using Academy.Exemplars.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Academy.Exemplars.Pages.Blueprints;

/// Every signed-in member of staff finds published blueprints by capability area, user, care setting and
/// project type; a trust lead also sees their own trust's drafts (unfiltered, above the results).
[Authorize(Policy = Policies.SignedIn)]
public sealed class BlueprintsModel(ExemplarsDbContext db) : PageModel
{
    // Not "Area": Razor Pages binds that name from the route (the Exemplars area).
    [BindProperty(SupportsGet = true)] public string? Capability { get; set; }
    [BindProperty(SupportsGet = true)] public string? UserType { get; set; }
    [BindProperty(SupportsGet = true)] public string? CareSetting { get; set; }
    [BindProperty(SupportsGet = true)] public string? ProjectType { get; set; }
    public IReadOnlyList<BlueprintSummary> Results { get; private set; } = [];
    public IReadOnlyList<BlueprintSummary> Drafts { get; private set; } = [];
    public BlueprintFacets Facets { get; private set; } = default!;
    public bool Filtered => new[] { Capability, UserType, CareSetting, ProjectType }.Any(v => !string.IsNullOrEmpty(v));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Facets = await db.FacetsAsync(cancellationToken);
        Results = await db.PublishedAsync(BlueprintFilter.From(Capability, UserType, CareSetting, ProjectType), cancellationToken);
        Drafts = await db.DraftsForAsync(User, cancellationToken);
    }

    public IEnumerable<SelectListItem> AreaOptions => [new("Any capability area", ""), .. Facets.Areas.Select(a => new SelectListItem(Format.Name(a), a.ToString()))];

    /// Any, then the published blueprints' values; a value typed into the address that none has is kept so that the filter shows what was asked.
    public static IEnumerable<SelectListItem> Options(string any, IReadOnlyList<string> values, string? selected) =>
        [new(any, ""), .. values.Select(v => new SelectListItem(v, v)), .. string.IsNullOrEmpty(selected) || values.Contains(selected) ? [] : new[] { new SelectListItem(selected, selected) }];
}
