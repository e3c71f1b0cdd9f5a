using Academy.Exemplars.Lessons;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Exemplars.Pages.Lessons;

/// The lessons learned library: every signed-in member of staff can search published lessons.
[Authorize(Policy = Policies.SignedIn)]
public sealed class LessonsModel(LessonIndex index) : PageModel
{
    public const int PageSize = 20;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    // Not "Area": Razor Pages binds that name from the route (the Exemplars area).
    [BindProperty(SupportsGet = true)] public string? Capability { get; set; }
    [BindProperty(SupportsGet = true)] public string? Programme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Trust { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    public LessonSearchResult Result { get; private set; } = default!;

    public static readonly IReadOnlyList<(string Field, string Name)> FacetNames = [("area", "Capability area"), ("programme", "Programme"), ("trust", "Trust"), ("tag", "Tag")];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await index.SearchAsync(Q, new LessonFilter(Capability, Programme, Trust, Tag), PageSize, cancellationToken);

    public string? Selected(string field) => field switch { "area" => Capability, "programme" => Programme, "trust" => Trust, _ => Tag };

    /// The search with one facet value set (or cleared, when value is null).
    public string Link(string field, string? value)
    {
        var values = new Microsoft.AspNetCore.Routing.RouteValueDictionary { ["area"] = "Exemplars", ["q"] = Q, ["capability"] = Capability, ["programme"] = Programme, ["trust"] = Trust, ["tag"] = Tag };
        values[field == "area" ? "capability" : field] = value;
        // Empty values are left out of the query, as the search form would leave them.
        return Url.Page("/Lessons/Index", values)!;
    }
}
