using Academy.Learning.Cohorts;
using Academy.Learning.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Pages.Cohorts;

/// The cohorts a CCIO runs for their trust (an administrator: every trust's).
[Authorize(Policy = LearningAccess.CohortsPolicy)]
public sealed class CohortsModel(LearningDbContext db) : PageModel
{
    public sealed record Row(int Id, string Name, string TrustOdsCode, int Members, int Courses);

    public IReadOnlyList<Row> Cohorts { get; private set; } = [];
    public string? Trust { get; private set; }
    [TempData] public string? Enrolled { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Trust = User.CcioTrust();
        Cohorts = await ListAsync(db, User, cancellationToken);
    }

    /// Also My learning's list for a CCIO.
    public static async Task<IReadOnlyList<Row>> ListAsync(LearningDbContext db, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await db.Cohorts.AsNoTracking().VisibleTo(user).OrderBy(c => c.TrustOdsCode).ThenBy(c => c.Name)
            .Select(c => new Row(c.Id, c.Name, c.TrustOdsCode, c.Members.Count, c.Courses.Count)).ToListAsync(cancellationToken);
}
