using System.Globalization;
using Academy.Learning.SelfAssessment;

namespace Academy.Learning.Pages.SelfAssessment;

/// What _DomainChart draws: each domain's mean now and need, as bars on the 0 to 10 scale, with the same figures as a table.
public sealed record SelfAssessmentChart(string Id, string Heading, string Caption, IReadOnlyList<DomainResult> Domains,
    string NowLabel = "Where I am now", string NeedLabel = "Where I need to be")
{
    public static string Figure(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// A gap in words for the table: "2.5", or "none" when need is not above now.
    public static string Gap(double gap) => gap > 0 ? Figure(gap) : "None";
}
