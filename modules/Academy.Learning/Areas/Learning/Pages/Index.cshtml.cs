using Academy.Learning.Cohorts;
using Academy.Learning.Progress;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Learning.Pages;

/// My learning: the signed-in person's own courses, from the progress projection.
[Authorize(Policy = Policies.SignedIn)]
public sealed class MyLearningModel(MyLearning myLearning, Academy.Learning.Data.LearningDbContext db) : PageModel
{
    public MyLearning.Overview Overview { get; private set; } = default!;

    /// A CCIO's landing page is their trust's cohorts (issue 11 §7), above their own learning; null for anyone else.
    public IReadOnlyList<CohortList.Row>? Cohorts { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.IsCcio()) Cohorts = await db.VisibleCohortsAsync(User, cancellationToken);
        Overview = await myLearning.ForAsync(User.UserId()!, cancellationToken);
    }

    public static string StatusText(ProgressStatus status) => status switch
    {
        ProgressStatus.NotStarted => "Not started",
        ProgressStatus.InProgress => "In progress",
        ProgressStatus.Completed => "Completed",
        ProgressStatus.Passed => "Passed",
        _ => "Failed",
    };

    /// Tag colours as the NHS.UK tag guidance uses them: grey not started, blue in progress, green done, red failed.
    public static string StatusTag(ProgressStatus status) => status switch
    {
        ProgressStatus.NotStarted => "nhsuk-tag nhsuk-tag--grey",
        ProgressStatus.InProgress => "nhsuk-tag nhsuk-tag--blue",
        ProgressStatus.Completed or ProgressStatus.Passed => "nhsuk-tag nhsuk-tag--green",
        _ => "nhsuk-tag nhsuk-tag--red",
    };

    // The views still name these; the format itself is LearningFormat's, so that services need no page model.
    public static string Date(DateOnly date) => LearningFormat.Date(date);

    public static string Date(DateTimeOffset at) => LearningFormat.Date(at);

    public static string Score(double? scaled) => scaled is { } s ? $"{Math.Round(s * 100)}%" : "";
}
