using Academy.Exemplars.Data;
using Academy.Exemplars.Returns;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Exemplars.Pages.Returns;

/// The confirmation after submitting: what happens next.
[Authorize(Policy = ExemplarAccess.TrackerPolicy)]
public sealed class SubmittedReturnModel(ExemplarsDbContext db) : PageModel
{
    public ProgressReturn Return { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.FindReadableReturnAsync(User, id, cancellationToken);
        if (found is null) return NotFound();
        // Only a submitted return has been submitted: any other is shown as it is.
        if (!found.AwaitsReview()) return RedirectToPage("/Returns/Return", new { id });
        Return = found;
        return Page();
    }
}
