using Academy.Learning.Catalogue;
using Academy.Learning.Courses;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Academy.Learning.Pages.Courses;

/// The catalogue: every signed-in member of staff searches the published courses and filters them by domain and length.
[Authorize(Policy = Policies.SignedIn)]
public sealed class CatalogueModel(CourseIndex index) : PageModel
{
    public const int PageSize = 50;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Domain { get; set; }
    [BindProperty(SupportsGet = true)] public string? Length { get; set; }
    public CourseSearchResult Result { get; private set; } = new(0, []);

    public static IReadOnlyList<SelectListItem> DomainOptions { get; } =
        [new("All domains", ""), .. CapabilityDomains.All.Select(d => new SelectListItem(d.DisplayName, d.Key))];

    public static IReadOnlyList<SelectListItem> LengthOptions { get; } =
        [new("Any length", ""), .. LengthBand.All.Select(b => new SelectListItem(b.Label, b.Key))];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // A filter value from a stale or edited link is refused beside the field, not ignored.
        var domain = CapabilityDomains.FromKey(Domain);
        if (!string.IsNullOrEmpty(Domain) && domain is null) ModelState.AddModelError(nameof(Domain), "Select a capability domain from the list");
        var length = LengthBand.FromKey(Length);
        if (!string.IsNullOrEmpty(Length) && length is null) ModelState.AddModelError(nameof(Length), "Select a length from the list");
        if (Q is { Length: > 200 }) ModelState.AddModelError(nameof(Q), "Search words must be 200 characters or fewer");
        else if (Q is not null && CourseRules.HasControlCharacters(Q, multiline: false)) ModelState.AddModelError(nameof(Q), "Search words must not contain control characters");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Result = await index.SearchAsync(Q, domain, length, PageSize, cancellationToken);
        return Page();
    }
}
