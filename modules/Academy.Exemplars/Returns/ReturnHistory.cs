using Academy.Exemplars.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Returns;

/// One step of a return's life: submitted, returned for changes (with the reviewer's comment), approved.
public sealed record ReturnEvent(DateTimeOffset At, string Actor, ReturnStatus Status, string Comment);

/// A return's history, read from the audit trail, so that a reviewer's comment stays visible after the return
/// was resubmitted and approved (the return itself keeps only the latest decision).
public static class ReturnHistory
{
    public static async Task<IReadOnlyList<ReturnEvent>> ForAsync(ExemplarsDbContext db, int returnId, CancellationToken cancellationToken)
    {
        var record = returnId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == nameof(ProgressReturn) && a.RecordId == record && (a.Field == nameof(ProgressReturn.Status) || a.Field == nameof(ProgressReturn.ReviewerComment)))
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var events = new List<ReturnEvent>();
        var comment = "";
        foreach (var change in rows.GroupBy(a => a.At))
        {
            if (change.FirstOrDefault(a => a.Field == nameof(ProgressReturn.ReviewerComment)) is { } c) comment = c.NewValue ?? "";
            if (change.FirstOrDefault(a => a.Field == nameof(ProgressReturn.Status)) is not { } s
                || !Enum.TryParse<ReturnStatus>(s.NewValue, out var status) || status == ReturnStatus.Draft) continue;
            events.Add(new ReturnEvent(s.At, s.Actor, status, status == ReturnStatus.Submitted ? "" : comment));
        }
        return events;
    }
}
