namespace Academy.Learning;

/// The anonymous summary of a trust's digital capability self-assessments (the latest of each person), per
/// domain of the Health and Care Digital Capabilities Framework. No figure is given for fewer than
/// <see cref="TrustSelfAssessmentSummary.MinimumGroup"/> people, so no one's answers can be inferred.
public interface ITrustSelfAssessment
{
    Task<TrustSelfAssessmentSummary> ForTrustAsync(string trustOdsCode, CancellationToken cancellationToken = default);

    /// Keyed by ODS code; every code asked for is present.
    Task<IReadOnlyDictionary<string, TrustSelfAssessmentSummary>> ForTrustsAsync(IReadOnlyCollection<string> trustOdsCodes, CancellationToken cancellationToken = default);
}

/// <see cref="People"/> is how many of the trust's staff have taken the self-assessment (always shown as
/// "fewer than 5" below the minimum, never the exact number); <see cref="Domains"/> is empty below it.
public sealed record TrustSelfAssessmentSummary(string TrustOdsCode, int People, IReadOnlyList<DomainSelfAssessment> Domains)
{
    public const int MinimumGroup = 5;
    public bool IsShown => People >= MinimumGroup;
}

/// Means on the 0 to 10 scale of "where I am now" and "where I need to be"; Gap is Need less Now.
/// <see cref="DomainKey"/> is the capability domain's key (as courses use it, e.g. "technical-proficiency").
public sealed record DomainSelfAssessment(string DomainKey, string DomainName, double MeanNow, double MeanNeed, double Gap);
