using Academy.Exemplars.Data;
using Academy.Exemplars.Milestones;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Reporting;

public sealed record PortfolioFilter(string? Programme = null, string? Region = null, CapabilityArea? Capability = null);

/// One exemplar's line in the national portfolio. Rag is the overall delivery confidence of the latest
/// submitted or approved return; Driver is the dimension that drove it (the worst-rated, first in the order
/// time, budget, scope and quality, risk, benefits).
public sealed record PortfolioRow(int ParticipationId, string OdsCode, string Trust, string Programme, string Region, Rag? Rag, string? Driver, DateOnly? RagPeriod,
    decimal Allocation, decimal Claimed, decimal Spent, int Achieved, int Due, int Late, int AwaitingReview);

public sealed record RagHistoryRow(string OdsCode, string Trust, DateOnly PeriodStart, Rag? Rag, string? Driver, ReturnStatus Status);

/// Workforce: each row's trust's workforce digital skills, by ODS code.
public sealed record PortfolioView(IReadOnlyList<PortfolioRow> Rows, IReadOnlyList<RagHistoryRow> History, IReadOnlyList<(string Slug, string Name)> Programmes, IReadOnlyList<string> Regions,
    IReadOnlyDictionary<string, WorkforceSkills> Workforce);

public sealed class Portfolio(ExemplarsDbContext db, WorkforceSkillsReader workforce, TimeProvider clock)
{
    public const int HistoryPeriods = 4;

    public async Task<PortfolioView> ReadAsync(PortfolioFilter filter, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var participations = await Participations(filter).Select(p => new { p.Id, p.Trust.OdsCode, Trust = p.Trust.Name, Programme = p.Programme.Name, p.Trust.Region, p.Allocation, p.ApprovedClaimsTotal })
            .ToListAsync(cancellationToken);
        var ids = participations.Select(p => p.Id).ToList();

        var milestones = db.Milestones.AsNoTracking().Where(m => ids.Contains(m.ParticipationId));
        if (filter.Capability is { } area) milestones = milestones.Where(m => m.CapabilityArea == area);
        var counts = (await milestones.GroupBy(m => m.ParticipationId)
            .Select(g => new MilestoneCounts(g.Key,
                g.Count(m => m.Status == MilestoneStatus.Achieved),
                g.Count(m => m.Status != MilestoneStatus.Achieved && m.Status != MilestoneStatus.Late && m.BaselineDate >= today),
                g.Count(m => m.Status != MilestoneStatus.Achieved && (m.Status == MilestoneStatus.Late || m.BaselineDate < today))))
            .ToListAsync(cancellationToken)).ToDictionary(c => c.ParticipationId);
        var returns = (await db.Returns.AsNoTracking().Where(r => ids.Contains(r.ParticipationId))
            .Select(r => new ReturnRatings(r.ParticipationId, r.PeriodStart, r.Status, r.NationalSpend, r.TimeRag, r.BudgetRag, r.ScopeQualityRag, r.RiskRag, r.BenefitsRag, r.DeliveryConfidence))
            .ToListAsync(cancellationToken)).ToLookup(r => r.ParticipationId);

        var rows = new List<PortfolioRow>();
        var history = new List<RagHistoryRow>();
        foreach (var p in participations.OrderBy(p => p.Trust))
        {
            var ms = counts.GetValueOrDefault(p.Id, new MilestoneCounts(p.Id, 0, 0, 0));
            var reported = returns[p.Id].Where(r => r.Status is ReturnStatus.Submitted or ReturnStatus.Approved).OrderByDescending(r => r.PeriodStart).ToList();
            var latest = reported.FirstOrDefault();
            rows.Add(new PortfolioRow(p.Id, p.OdsCode, p.Trust, p.Programme, p.Region, latest?.Overall, latest?.Driver, latest?.PeriodStart,
                p.Allocation, p.ApprovedClaimsTotal, returns[p.Id].Sum(r => r.NationalSpend),
                ms.Achieved, ms.Due, ms.Late,
                returns[p.Id].Count(r => r.Status == ReturnStatus.Submitted)));
            history.AddRange(reported.Take(HistoryPeriods).Select(r => new RagHistoryRow(p.OdsCode, p.Trust, r.PeriodStart, r.Overall, r.Driver, r.Status)));
        }
        if (filter.Capability is not null) rows = rows.Where(r => counts.ContainsKey(r.ParticipationId)).ToList();

        var programmes = (await db.Programmes.AsNoTracking().OrderBy(p => p.StartDate).Select(p => new { p.Slug, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Slug, p.Name)).ToList();
        var regions = await db.Trusts.AsNoTracking().Select(t => t.Region).Distinct().OrderBy(r => r).ToListAsync(cancellationToken);
        var skills = await workforce.ForTrustsAsync(rows.Select(r => r.OdsCode).ToList(), cancellationToken);
        return new PortfolioView(rows, history, programmes, regions, skills);
    }

    /// With one programme chosen, the chart covers that programme's own dates; otherwise the last quarters and today.
    public async Task<IReadOnlyList<MilestoneTrendPoint>> MilestoneTrendAsync(PortfolioFilter filter, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var ids = await Participations(filter).Select(p => p.Id).ToListAsync(cancellationToken);
        var programme = string.IsNullOrEmpty(filter.Programme) ? null
            : await db.Programmes.AsNoTracking().Where(p => p.Slug == filter.Programme).Select(p => new { p.StartDate, p.EndDate }).SingleOrDefaultAsync(cancellationToken);
        var points = programme is null ? null : MilestoneTrend.Points(today, programme.StartDate, programme.EndDate);
        return await MilestoneTrend.ReadAsync(db, ids, filter.Capability, today, cancellationToken, points);
    }

    private IQueryable<Participation> Participations(PortfolioFilter filter)
    {
        var query = db.Participations.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Programme)) query = query.Where(p => p.Programme.Slug == filter.Programme);
        if (!string.IsNullOrEmpty(filter.Region)) query = query.Where(p => p.Trust.Region == filter.Region);
        return query;
    }

    private sealed record MilestoneCounts(int ParticipationId, int Achieved, int Due, int Late);

    private sealed record ReturnRatings(int ParticipationId, DateOnly PeriodStart, ReturnStatus Status, decimal NationalSpend,
        Rag? Time, Rag? Budget, Rag? ScopeQuality, Rag? Risk, Rag? Benefits, Rag? Confidence)
    {
        private (string Name, Rag? Rag)[] Dimensions => [("Time", Time), ("Budget", Budget), ("Scope and quality", ScopeQuality), ("Risk", Risk), ("Benefits", Benefits)];
        private Rag? Worst => Dimensions.Max(d => d.Rag);
        public Rag? Overall => Confidence ?? Worst;
        public string? Driver => Worst is { } worst && worst != Rag.Green ? Dimensions.First(d => d.Rag == worst).Name : Worst is null ? null : "None (all green)";
    }
}
