using System.Globalization;
using Academy.Exemplars.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Milestones;

/// How many milestones were in each status at one date.
public sealed record MilestoneTrendPoint(DateOnly At, bool IsToday, IReadOnlyDictionary<MilestoneStatus, int> Counts)
{
    public int Total => Counts.Values.Sum();
}

/// Milestone status over time, read back from the audit trail: every milestone's status field is written there
/// when the milestone is added and whenever it changes, so the status a milestone had at a date is the last
/// status entry written before the end of that day (none if it did not exist yet or had been deleted).
/// The points are the ends of the last quarters (31 March, 30 June, 30 September, 31 December: the NHS
/// financial quarters) and today.
public static class MilestoneTrend
{
    public const int Quarters = 6;

    public static IReadOnlyList<DateOnly> Points(DateOnly today)
    {
        var quarterEnd = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1).AddDays(-1);
        return [.. Enumerable.Range(0, Quarters).Select(i => quarterEnd.AddMonths(-3 * (Quarters - 1 - i))).Select(EndOfMonth), today];
    }

    /// Points spread over one programme's own dates: quarter ends from its start to its end (or to today while it
    /// runs), every second or third quarter when there are more than <see cref="Quarters"/>, and the last day
    /// (today, or the day the programme ended). A programme that ended years ago is charted over its life, not as
    /// the flat line of the quarters since.
    public static IReadOnlyList<DateOnly> Points(DateOnly today, DateOnly from, DateOnly to)
    {
        var last = to < today ? to : today;
        var quarterEnds = new List<DateOnly>();
        for (var q = EndOfMonth(new DateOnly(from.Year, (from.Month - 1) / 3 * 3 + 3, 1)); q < last; q = EndOfMonth(q.AddDays(1).AddMonths(2)))
            if (q >= from) quarterEnds.Add(q);
        var step = (quarterEnds.Count + Quarters - 1) / Quarters;
        var chosen = step <= 1 ? quarterEnds : quarterEnds.Where((_, i) => (quarterEnds.Count - 1 - i) % step == 0).ToList();
        return [.. chosen, last];
    }

    public static async Task<IReadOnlyList<MilestoneTrendPoint>> ReadAsync(ExemplarsDbContext db, IReadOnlyCollection<int> participationIds,
        CapabilityArea? capability, DateOnly today, CancellationToken cancellationToken, IReadOnlyList<DateOnly>? at = null)
    {
        var points = at ?? Points(today);
        var entries = db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == nameof(Milestone) && a.Field == nameof(Milestone.Status) && a.ParticipationId != null && participationIds.Contains(a.ParticipationId.Value));
        var changes = await entries.OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => new { a.RecordId, a.At, a.NewValue }).ToListAsync(cancellationToken);
        if (capability is { } area)
        {
            var inArea = (await db.Milestones.AsNoTracking().Where(m => m.CapabilityArea == area && participationIds.Contains(m.ParticipationId))
                .Select(m => m.Id).ToListAsync(cancellationToken)).Select(id => id.ToString(CultureInfo.InvariantCulture)).ToHashSet();
            changes = changes.Where(c => inArea.Contains(c.RecordId)).ToList();
        }

        var trend = new List<MilestoneTrendPoint>();
        var statusOf = new Dictionary<string, string?>();
        var next = 0;
        foreach (var point in points)
        {
            var endOfDay = new DateTimeOffset(point.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1);
            for (; next < changes.Count && changes[next].At < endOfDay; next++) statusOf[changes[next].RecordId] = changes[next].NewValue;
            var counts = Enum.GetValues<MilestoneStatus>().ToDictionary(s => s, _ => 0);
            foreach (var status in statusOf.Values)
                if (Enum.TryParse<MilestoneStatus>(status, out var s)) counts[s]++;
            trend.Add(new MilestoneTrendPoint(point, point == today, counts));
        }
        return trend;
    }

    private static DateOnly EndOfMonth(DateOnly d) => new DateOnly(d.Year, d.Month, 1).AddMonths(1).AddDays(-1);
}
