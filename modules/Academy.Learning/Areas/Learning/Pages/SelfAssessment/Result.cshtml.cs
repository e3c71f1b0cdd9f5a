using Academy.Learning.SelfAssessment;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Learning.Pages.SelfAssessment;

/// One of the person's own results: the chart and table by domain, their answers, and courses for their gaps.
/// Anyone else's registration (or a made-up one) is not found.
[Authorize(Policy = Policies.SignedIn)]
public sealed class ResultModel(SelfAssessmentRules rules) : PageModel
{
    public SelfAssessmentResult Result { get; private set; } = default!;
    public bool IsLatest { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid registration, CancellationToken cancellationToken)
    {
        var userId = User.UserId()!;
        if (await rules.ResultAsync(userId, registration, cancellationToken) is not { } result) return NotFound();
        Result = result;
        IsLatest = (await rules.HistoryAsync(userId, cancellationToken))[0].Id == result.Attempt.Id;
        return Page();
    }
}
