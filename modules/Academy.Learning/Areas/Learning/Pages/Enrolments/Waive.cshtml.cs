using Academy.Learning.Cohorts;
using Academy.Learning.Packages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Learning.Pages.Enrolments;

/// Waive a cmi5 unit for one learner's enrolment (issue 10 §4, cmi5 9.3.7): a CCIO of the learner's trust or an
/// administrator picks the unit and one of the spec's reasons. Anyone else's enrolment, and a course that is not a
/// cmi5 package, is not found. The rules are Cmi5Waivers'.
[Authorize(Policy = LearningAccess.CohortsPolicy)]
public sealed class WaiveModel(Cmi5Waivers waivers) : PageModel
{
    public Cmi5Waivers.Waivable Waivable { get; private set; } = default!;
    [BindProperty] public int? AuId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    /// The unit just waived (after the redirect).
    public string? Waived { get; private set; }

    public async Task<IActionResult> OnGetAsync(int enrolmentId, int? waived, CancellationToken cancellationToken)
    {
        if (await waivers.FindAsync(User, enrolmentId, cancellationToken) is not { } found) return NotFound();
        Waivable = found;
        Waived = found.Units.FirstOrDefault(u => u.Au.Id == waived)?.Title;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int enrolmentId, CancellationToken cancellationToken)
    {
        if (await waivers.FindAsync(User, enrolmentId, cancellationToken) is not { } found) return NotFound();
        Waivable = found;
        var errors = await waivers.WaiveAsync(User, found, AuId, Reason, cancellationToken);
        if (errors.Count == 0) return RedirectToPage(new { enrolmentId, waived = AuId });
        // Cmi5Waivers checks and writes in one transaction (the unit may have been satisfied a moment ago).
        throw errors.Refused();
    }
}
