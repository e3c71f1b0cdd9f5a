using Academy.Learning.Catalogue;
using Academy.Learning.Courses;
using Academy.Theme.Nhs.Forms;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
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
        await this.ThrowIfInvalidAsync(Checks, cancellationToken);
        Result = await index.SearchAsync(Q, CapabilityDomains.FromKey(Domain), LengthBand.FromKey(Length), PageSize, cancellationToken);
        return Page();
    }

    // The catalogue is the busiest page: its validator holds no state, so one serves every request.
    private static readonly Validator Checks = new();

    /// A filter value from a stale or edited link is refused beside the field, not ignored.
    public sealed class Validator : AbstractValidator<CatalogueModel>
    {
        public Validator()
        {
            RuleFor(p => p.Domain).Must(d => string.IsNullOrEmpty(d) || CapabilityDomains.FromKey(d) is not null).WithMessage("Select a capability domain from the list");
            RuleFor(p => p.Length).Must(l => string.IsNullOrEmpty(l) || LengthBand.FromKey(l) is not null).WithMessage("Select a length from the list");
            RuleFor(p => p.Q).Cascade(CascadeMode.Stop)
                .Must(q => q is not { Length: > 200 }).WithMessage("Search words must be 200 characters or fewer")
                .Must(q => q is null || !CourseRules.HasControlCharacters(q, multiline: false)).WithMessage("Search words must not contain control characters");
        }
    }
}
