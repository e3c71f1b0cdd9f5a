using Academy.Learning.Cohorts;
using Academy.Learning.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Learning.Pages.Cohorts;

/// The cohorts a CCIO runs for their trust (an administrator: every trust's).
[Authorize(Policy = LearningAccess.CohortsPolicy)]
public sealed class CohortsModel(LearningDbContext db) : PageModel
{
    public IReadOnlyList<CohortList.Row> Cohorts { get; private set; } = [];
    public string? Trust { get; private set; }
    [TempData] public string? Enrolled { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Trust = User.CcioTrust();
        Cohorts = await db.VisibleCohortsAsync(User, cancellationToken);
    }
}
