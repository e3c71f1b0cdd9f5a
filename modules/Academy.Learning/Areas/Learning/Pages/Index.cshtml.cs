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
    public IReadOnlyList<Cohorts.CohortsModel.Row>? Cohorts { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.IsCcio()) Cohorts = await Pages.Cohorts.CohortsModel.ListAsync(db, User, cancellationToken);
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

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    /// On UK time, as certificates show their dates.
    public static string Date(DateTimeOffset at) => Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, UkTime).DateTime));

    public static string Score(double? scaled) => scaled is { } s ? $"{Math.Round(s * 100)}%" : "";
}
