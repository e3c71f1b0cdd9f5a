using System.Globalization;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Xapi.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.SelfAssessment;

/// Every rule of the self-assessment: what a rating may be, the draft filled a domain at a time, submitting (the
/// LRS's statements and the local copy, from the same submission, here and nowhere else), a person's history and
/// results, and the courses recommended for their gaps. Pages call these; nothing else writes the tables.
public sealed class SelfAssessmentRules(LearningDbContext db, IStatementWriter writer, SelfAssessmentStatements statements, TimeProvider clock)
{
    public const int Lowest = 0;
    public const int Highest = 10;
    public const int OdsCodeMaxLength = 20;
    /// Courses recommended per domain on the result page; the catalogue, filtered by domain, lists the rest.
    public const int CoursesPerDomain = 3;

    /// A rating as a form posts it: "0" to "10" and nothing else (no sign, spaces, decimals or hidden characters).
    public static int? ParseRating(string? posted) =>
        posted is { Length: >= 1 and <= 2 } && int.TryParse(posted, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
        && value is >= Lowest and <= Highest ? value : null;

    public Task<SelfAssessmentAttempt?> DraftAsync(string userId, CancellationToken cancellationToken) =>
        db.SelfAssessmentAttempts.Include(a => a.Ratings).SingleOrDefaultAsync(a => a.UserId == userId && a.SubmittedAt == null, cancellationToken);

    /// The domains a draft has not answered yet, in the order the assessment asks them.
    public static IReadOnlyList<CapabilityDomains.Info> Unanswered(SelfAssessmentAttempt? draft) =>
        [.. CapabilityDomains.All.Where(d => CapabilityStatements.For(d.Domain).Any(s => draft?.Ratings.Any(r => r.StatementKey == s.Key) != true))];

    /// Saves one domain's ratings (every statement of the domain, already checked with <see cref="ParseRating"/>) into
    /// the person's draft, starting one when they have none. Answers given again replace the earlier ones.
    public async Task SaveDomainAsync(string userId, CapabilityDomain domain, IReadOnlyDictionary<string, (int Now, int Need)> ratings, CancellationToken cancellationToken)
    {
        var items = CapabilityStatements.For(domain);
        if (items.Count != ratings.Count || items.Any(i => !ratings.ContainsKey(i.Key)) || ratings.Values.Any(r => r is not { Now: >= Lowest and <= Highest, Need: >= Lowest and <= Highest }))
            throw new ArgumentException("Every statement of the domain needs both ratings, 0 to 10.", nameof(ratings));
        var draft = await DraftAsync(userId, cancellationToken);
        if (draft is null)
        {
            draft = new SelfAssessmentAttempt { UserId = userId, Registration = Guid.NewGuid(), StartedAt = clock.GetUtcNow() };
            db.SelfAssessmentAttempts.Add(draft);
        }
        foreach (var item in items)
        {
            var (now, need) = ratings[item.Key];
            var rating = draft.Ratings.SingleOrDefault(r => r.StatementKey == item.Key);
            if (rating is null) draft.Ratings.Add(rating = new SelfAssessmentRating { StatementKey = item.Key, Domain = domain });
            (rating.Now, rating.Need) = (now, need);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (draft.Id == 0)
        {
            // Another request (a second tab, a double click) started the draft first: save into that one.
            db.ChangeTracker.Clear();
            await SaveDomainAsync(userId, domain, ratings, cancellationToken);
        }
    }

    public enum SubmitOutcome { Submitted, NoDraft, Incomplete }

    /// Submits the person's draft: every answer goes to the LRS as statements (all or none) and the attempt is fixed,
    /// counted for the trust the person belongs to now. A second post of the same submission finds no draft.
    public async Task<(SubmitOutcome Outcome, SelfAssessmentAttempt? Attempt)> SubmitAsync(string userId, string? trustOdsCode, CancellationToken cancellationToken)
    {
        var draft = await DraftAsync(userId, cancellationToken);
        if (draft is null) return (SubmitOutcome.NoDraft, null);
        if (Unanswered(draft).Count > 0) return (SubmitOutcome.Incomplete, draft);
        var at = clock.GetUtcNow();
        var trust = string.IsNullOrWhiteSpace(trustOdsCode) ? null : trustOdsCode.Trim().ToUpperInvariant();
        if (trust is { Length: > OdsCodeMaxLength }) trust = null;
        // Claim the draft first, so that two posts of the same submission cannot both send its statements.
        var claimed = await db.SelfAssessmentAttempts.Where(a => a.Id == draft.Id && a.SubmittedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.SubmittedAt, at).SetProperty(a => a.TrustOdsCode, trust), cancellationToken);
        if (claimed == 0) return (SubmitOutcome.NoDraft, null);
        (draft.SubmittedAt, draft.TrustOdsCode) = (at, trust);
        var sent = statements.Submitted(draft, DomainResult.Of(draft.Ratings), at);
        try
        {
            var ids = await writer.StoreAsync(sent, cancellationToken);
            draft.CompletedStatementId = ids[^1];
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch
        {
            // Nothing half-written: an attempt whose statements the LRS refused is a draft again.
            await db.SelfAssessmentAttempts.Where(a => a.Id == draft.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.SubmittedAt, (DateTimeOffset?)null).SetProperty(a => a.TrustOdsCode, (string?)null), CancellationToken.None);
            throw;
        }
        return (SubmitOutcome.Submitted, draft);
    }

    /// The person's submitted attempts, newest first.
    public Task<List<SelfAssessmentAttempt>> HistoryAsync(string userId, CancellationToken cancellationToken) =>
        db.SelfAssessmentAttempts.AsNoTracking().Include(a => a.Ratings)
            .Where(a => a.UserId == userId && a.SubmittedAt != null).OrderByDescending(a => a.Id).ToListAsync(cancellationToken);

    /// One of the person's own submitted attempts, with its means and recommended courses; null for anyone else's.
    public async Task<SelfAssessmentResult?> ResultAsync(string userId, Guid registration, CancellationToken cancellationToken)
    {
        var attempt = await db.SelfAssessmentAttempts.AsNoTracking().Include(a => a.Ratings)
            .SingleOrDefaultAsync(a => a.Registration == registration && a.UserId == userId && a.SubmittedAt != null, cancellationToken);
        if (attempt is null) return null;
        var domains = DomainResult.Of(attempt.Ratings);
        return new SelfAssessmentResult(attempt, domains, await RecommendAsync(domains, cancellationToken));
    }

    /// Published courses in the domains where need is above now, the biggest gap first (then by title), a few per domain.
    public async Task<IReadOnlyList<Recommendation>> RecommendAsync(IReadOnlyList<DomainResult> domains, CancellationToken cancellationToken)
    {
        var gaps = domains.Where(d => d.Gap > 0).ToDictionary(d => d.Domain.Domain);
        if (gaps.Count == 0) return [];
        var wanted = gaps.Keys.ToList();
        var courses = await db.Courses.AsNoTracking()
            .Where(c => c.Status == CourseStatus.Published && wanted.Contains(c.Domain))
            .Select(c => new { c.Slug, c.Title, c.Summary, c.EstimatedMinutes, c.Domain })
            .ToListAsync(cancellationToken);
        return [.. courses
            .GroupBy(c => c.Domain)
            .SelectMany(g => g.OrderBy(c => c.Title, StringComparer.CurrentCulture).Take(CoursesPerDomain))
            .Select(c => new Recommendation(c.Slug, c.Title, c.Summary, c.EstimatedMinutes, gaps[c.Domain].Domain, gaps[c.Domain].Gap))
            .OrderByDescending(r => r.Gap).ThenBy(r => r.Domain.Domain).ThenBy(r => r.Title, StringComparer.CurrentCulture)];
    }
}
