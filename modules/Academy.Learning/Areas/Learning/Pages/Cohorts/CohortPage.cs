using Academy.Learning.Cohorts;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Pages.Cohorts;

/// A page about one cohort: found only among the cohorts the person may see (another trust's id is a 404), and
/// changed only by a CCIO of its trust (an administrator reading another trust's cohort gets 403 on a post).
[Authorize(Policy = LearningAccess.CohortsPolicy)]
public abstract class CohortPage(LearningDbContext db) : PageModel
{
    protected LearningDbContext Db { get; } = db;
    public Cohort Cohort { get; private set; } = default!;
    public bool CanChange { get; private set; }

    protected async Task<IActionResult?> LoadAsync(int id, bool toChange, CancellationToken cancellationToken)
    {
        var cohort = await Db.Cohorts.AsNoTracking().VisibleTo(User).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null) return NotFound();
        Cohort = cohort;
        CanChange = User.CanChange(cohort);
        if (toChange && !CanChange) return Forbid();
        return null;
    }

    public static string Due(DateOnly? on, int? days) =>
        on is { } date ? LearningFormat.Date(date) : days is { } n ? (n == 1 ? "1 day after joining" : $"{n} days after joining") : "No due date";
}
