using Academy.Exemplars.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Returns;

public sealed record ReturnToReview(int Id, string Trust, string OdsCode, string Programme, DateOnly PeriodStart, DateOnly PeriodEnd, DateTimeOffset SubmittedAt, int DaysWaiting);

/// The returns national reviewers have to decide: every submitted return, the one waiting longest first.
public static class ReviewQueue
{
    public static async Task<IReadOnlyList<ReturnToReview>> ListAsync(ExemplarsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.Returns.AsNoTracking().Where(r => r.Status == ReturnStatus.Submitted)
            .Select(r => new { r.Id, Trust = r.Participation.Trust.Name, r.Participation.Trust.OdsCode, Programme = r.Participation.Programme.Name, r.PeriodStart, r.PeriodEnd, r.SubmittedAt })
            .ToListAsync(cancellationToken);
        // Ordered here: SQLite cannot order by a DateTimeOffset column.
        return rows.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
            .Select(r => new ReturnToReview(r.Id, r.Trust, r.OdsCode, r.Programme, r.PeriodStart, r.PeriodEnd, r.SubmittedAt ?? now,
                Math.Max(0, (int)(now - (r.SubmittedAt ?? now)).TotalDays))).ToList();
    }
}
