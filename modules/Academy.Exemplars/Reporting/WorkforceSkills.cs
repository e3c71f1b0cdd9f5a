using System.Globalization;
using Academy.Learning;

namespace Academy.Exemplars.Reporting;

/// A trust's workforce digital skills beside its programme (issue 11 §7): the Digital Academy's figures for the
/// programme's courses and the anonymous self-assessment summary, read only through the Learning module's public
/// contracts. The trust page, the portfolio and the JSON API all read them here.
public sealed record WorkforceSkills(TrustLearningSummary Learning, TrustSelfAssessmentSummary SelfAssessment)
{
    /// The rule of 5 in words, wherever a group is too small to show a figure.
    public const string TooFewPeople = "Fewer than 5 people";

    /// "12 of 40 (30%)": completed enrolments of all enrolments on the programme's courses.
    public string CompletedOfEnrolled => Learning.Enrolled == 0 ? "None enrolled"
        : $"{Learning.Completed.ToString("N0", Format.EnGb)} of {Learning.Enrolled.ToString("N0", Format.EnGb)} ({Percent(Learning.Completed, Learning.Enrolled)})";

    public DomainSelfAssessment? WidestGap => SelfAssessment.IsShown ? SelfAssessment.Domains.OrderByDescending(d => d.Gap).FirstOrDefault() : null;

    public static string Percent(int part, int whole) => whole == 0 ? "0%" : ((double)part / whole).ToString("P0", Format.EnGb).Replace(" ", "", StringComparison.Ordinal);

    /// A 0 to 10 mean to one decimal place, as the self-assessment's own pages show it.
    public static string Mean(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}

public sealed class WorkforceSkillsReader(ITrustLearning learning, ITrustSelfAssessment selfAssessment)
{
    public async Task<WorkforceSkills> ForTrustAsync(string odsCode, CancellationToken cancellationToken) =>
        new(await learning.ForTrustAsync(odsCode, cancellationToken), await selfAssessment.ForTrustAsync(odsCode, cancellationToken));

    /// Keyed by ODS code (any case), every code asked for present.
    public async Task<IReadOnlyDictionary<string, WorkforceSkills>> ForTrustsAsync(IReadOnlyCollection<string> odsCodes, CancellationToken cancellationToken)
    {
        var codes = odsCodes.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var figures = await learning.ForTrustsAsync(codes, cancellationToken);
        var assessed = await selfAssessment.ForTrustsAsync(codes, cancellationToken);
        return codes.ToDictionary(c => c, c => new WorkforceSkills(figures[c], assessed[c]), StringComparer.OrdinalIgnoreCase);
    }
}
