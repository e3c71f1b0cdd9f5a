using Academy.Exemplars.Blueprints;
using Academy.Exemplars.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Exemplars.Pages.Blueprints;

/// A published blueprint is for every signed-in person; a draft only for its trust's lead (404 for everyone else).
[Authorize(Policy = Policies.SignedIn)]
public sealed class BlueprintModel(ExemplarsDbContext db) : PageModel
{
    public Blueprint Blueprint { get; private set; } = default!;
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.FindReadableBlueprintAsync(User, id, cancellationToken) is not { } found) return NotFound();
        Blueprint = found;
        CanEdit = !found.Published && User.IsOwner(found);
        return Page();
    }
}
