using Academy.Learning.SelfAssessment;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Learning.Pages.SelfAssessment;

/// The start page: what the self-assessment is, start (or continue, or take it again), and the person's past results.
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(SelfAssessmentRules rules) : PageModel
{
    public SelfAssessmentAttempt? Draft { get; private set; }
    public IReadOnlyList<SelfAssessmentAttempt> History { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Draft = await rules.DraftAsync(User.UserId()!, cancellationToken);
        History = await rules.HistoryAsync(User.UserId()!, cancellationToken);
    }

    /// Where "Continue" goes: the first domain still to answer, or check-your-answers when all are done.
    public string ContinueLink => SelfAssessmentRules.Unanswered(Draft) is [var first, ..]
        ? Url.Page("/SelfAssessment/Domain", new { area = "Learning", domain = first.Key })!
        : Url.Page("/SelfAssessment/Check", new { area = "Learning" })!;

    public static string BiggestGap(SelfAssessmentAttempt attempt) =>
        DomainResult.Of(attempt.Ratings).Where(d => d.Gap > 0).OrderByDescending(d => d.Gap).FirstOrDefault() is { } d
            ? $"{d.Domain.DisplayName} ({SelfAssessmentChart.Figure(d.Gap)})" : "No gaps";
}
