using System.Security.Claims;
using Academy.Learning.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Cohorts;

/// The cohorts a person sees (CohortAccess.VisibleTo), with their sizes: the Cohorts page and a CCIO's My learning
/// both list them, so neither page reaches into the other.
public static class CohortList
{
    public sealed record Row(int Id, string Name, string TrustOdsCode, int Members, int Courses);

    public static async Task<IReadOnlyList<Row>> VisibleCohortsAsync(this LearningDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await db.Cohorts.AsNoTracking().VisibleTo(user).OrderBy(c => c.TrustOdsCode).ThenBy(c => c.Name)
            .Select(c => new Row(c.Id, c.Name, c.TrustOdsCode, c.Members.Count, c.Courses.Count)).ToListAsync(cancellationToken);
}
