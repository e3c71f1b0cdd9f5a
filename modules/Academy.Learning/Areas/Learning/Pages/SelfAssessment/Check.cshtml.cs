using Academy.Learning.Courses;
using Academy.Learning.SelfAssessment;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Learning.Pages.SelfAssessment;

/// Check your answers: every rating of the draft by domain, each domain changeable, then submit.
[Authorize(Policy = Policies.SignedIn)]
public sealed class CheckModel(SelfAssessmentRules rules) : PageModel
{
    public SelfAssessmentAttempt Draft { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Draft = (await rules.DraftAsync(User.UserId()!, cancellationToken))!;
        if (Draft is null) return RedirectToPage("/SelfAssessment/Index");
        // Someone who skips ahead (or follows a stale link) is taken to the first domain still to answer.
        if (SelfAssessmentRules.Unanswered(Draft) is [var first, ..]) return RedirectToPage("/SelfAssessment/Domain", new { domain = first.Key });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (outcome, attempt) = await rules.SubmitAsync(User.UserId()!, User.TrustOdsCode(), cancellationToken);
        return outcome switch
        {
            SelfAssessmentRules.SubmitOutcome.Submitted => RedirectToPage("/SelfAssessment/Result", new { registration = attempt!.Registration }),
            SelfAssessmentRules.SubmitOutcome.Incomplete => RedirectToPage("/SelfAssessment/Domain", new { domain = SelfAssessmentRules.Unanswered(attempt)[0].Key }),
            // Already submitted (a second click) or never started: the start page lists the results.
            _ => RedirectToPage("/SelfAssessment/Index"),
        };
    }

    public SelfAssessmentRating Rating(CapabilityStatements.Item item) => Draft.Ratings.Single(r => r.StatementKey == item.Key);
}
