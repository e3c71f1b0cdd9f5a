using Academy.Learning.Courses;

namespace Academy.Learning.SelfAssessment;

/// A domain's means on the 0 to 10 scale; Gap is Need less Now (negative when someone is past where they need to be).
public sealed record DomainResult(CapabilityDomains.Info Domain, double Now, double Need)
{
    public double Gap => Need - Now;

    /// The mean of each domain's ratings, in the framework's order, rounded to one decimal place as pages show them.
    public static IReadOnlyList<DomainResult> Of(IEnumerable<SelfAssessmentRating> ratings)
    {
        var byDomain = ratings.ToLookup(r => r.Domain);
        return [.. CapabilityDomains.All.Where(d => byDomain[d.Domain].Any())
            .Select(d => new DomainResult(d, Round(byDomain[d.Domain].Average(r => r.Now)), Round(byDomain[d.Domain].Average(r => r.Need))))];
    }

    public static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}

/// A published course recommended for a gap in its domain.
public sealed record Recommendation(string Slug, string Title, string Summary, int EstimatedMinutes, CapabilityDomains.Info Domain, double Gap);

/// One submitted attempt as its result page shows it.
public sealed record SelfAssessmentResult(
    SelfAssessmentAttempt Attempt, IReadOnlyList<DomainResult> Domains, IReadOnlyList<Recommendation> Recommendations);
