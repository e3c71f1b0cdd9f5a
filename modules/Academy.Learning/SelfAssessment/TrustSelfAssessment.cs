using Academy.Learning.Courses;
using Academy.Learning.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.SelfAssessment;

/// The anonymous trust summary (ITrustSelfAssessment): each person's latest submitted attempt counts once, for the
/// trust stored with it; people and means are counted and averaged in the database. Below the minimum group no
/// domain figure leaves this class. Every person answers every statement, so the mean of a trust's ratings in a
/// domain is also the mean of its people's domain means.
public sealed class TrustSelfAssessment(LearningDbContext db) : ITrustSelfAssessment
{
    public async Task<TrustSelfAssessmentSummary> ForTrustAsync(string trustOdsCode, CancellationToken cancellationToken = default) =>
        (await ForTrustsAsync([trustOdsCode], cancellationToken))[trustOdsCode];

    public async Task<IReadOnlyDictionary<string, TrustSelfAssessmentSummary>> ForTrustsAsync(IReadOnlyCollection<string> trustOdsCodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trustOdsCodes);
        var codes = trustOdsCodes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(Normalise).Distinct().ToList();
        var latest = db.SelfAssessmentAttempts.Where(a => a.SubmittedAt != null && a.TrustOdsCode != null && codes.Contains(a.TrustOdsCode)
            && !db.SelfAssessmentAttempts.Any(later => later.UserId == a.UserId && later.SubmittedAt != null && later.Id > a.Id));
        Dictionary<string, int> people = codes.Count == 0 ? [] : await latest.GroupBy(a => a.TrustOdsCode!)
            .Select(g => new { Trust = g.Key, People = g.Count() })
            .ToDictionaryAsync(x => x.Trust, x => x.People, cancellationToken);
        var shown = people.Where(p => p.Value >= TrustSelfAssessmentSummary.MinimumGroup).Select(p => p.Key).ToList();
        var means = shown.Count == 0 ? [] : await (
            from r in db.SelfAssessmentRatings
            join a in latest on r.AttemptId equals a.Id
            where shown.Contains(a.TrustOdsCode!)
            group r by new { Trust = a.TrustOdsCode!, r.Domain } into g
            select new { g.Key.Trust, g.Key.Domain, Now = g.Average(x => (double)x.Now), Need = g.Average(x => (double)x.Need) })
            .ToListAsync(cancellationToken);

        var summaries = new Dictionary<string, TrustSelfAssessmentSummary>();
        foreach (var asked in trustOdsCodes)
        {
            if (summaries.ContainsKey(asked)) continue;
            var code = string.IsNullOrWhiteSpace(asked) ? "" : Normalise(asked);
            var count = people.GetValueOrDefault(code);
            IReadOnlyList<DomainSelfAssessment> domains = count < TrustSelfAssessmentSummary.MinimumGroup ? [] :
            [
                .. CapabilityDomains.All.Select(d => means.FirstOrDefault(m => m.Trust == code && m.Domain == d.Domain) is { } m
                    ? Domain(d, m.Now, m.Need) : null).OfType<DomainSelfAssessment>(),
            ];
            summaries[asked] = new TrustSelfAssessmentSummary(asked, count, domains);
        }
        return summaries;
    }

    private static DomainSelfAssessment Domain(CapabilityDomains.Info d, double now, double need)
    {
        var (meanNow, meanNeed) = (DomainResult.Round(now), DomainResult.Round(need));
        return new DomainSelfAssessment(d.Key, d.DisplayName, meanNow, meanNeed, DomainResult.Round(meanNeed - meanNow));
    }

    private static string Normalise(string code) => code.Trim().ToUpperInvariant();
}
