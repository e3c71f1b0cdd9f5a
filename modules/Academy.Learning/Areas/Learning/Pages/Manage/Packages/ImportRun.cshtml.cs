using System.Globalization;
using Academy.Learning.Packages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Learning.Pages.Manage.Packages;

/// One package import, as far as it has gone: queued or running (a progress bar that a script refreshes, and a Refresh
/// link that does without one), refused (the reasons; nothing of the package was kept) or done (a link to the draft
/// course). Only the person who uploaded it and administrators see it; anyone else gets 404, as if there were no such run.
[Authorize(Policy = LearningAccess.CourseAuthorPolicy)]
public sealed class ImportRunModel(PackageImports imports) : PageModel
{
    public PackageImportRun Run { get; private set; } = default!;

    public string Address(string? handler = null) => Url.Page("/Manage/Packages/ImportRun", handler, new { area = "Learning", id = Run.Id })!;
    public string ProgressText => ProgressOf(Run);
    public bool Finished => Run.Status is ImportRunStatus.Done or ImportRunStatus.Refused;

    public static string ProgressOf(PackageImportRun run) => run.Status switch
    {
        ImportRunStatus.Queued => "Waiting to start",
        _ when run.Total == 0 => "Checking the package",
        _ => string.Create(CultureInfo.GetCultureInfo("en-GB"), $"{run.Progress:N0} of {run.Total:N0} files"),
    };

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } run) return NotFound();
        Run = run;
        return Page();
    }

    /// For the page's script (upload-progress.js, as the enrolment upload page uses): where the import has got to.
    public async Task<IActionResult> OnGetProgressAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } run) return NotFound();
        var finished = run.Status is ImportRunStatus.Done or ImportRunStatus.Refused;
        return new JsonResult(new
        {
            status = run.Status.ToString(), processed = run.Progress, total = Math.Max(1, run.Total), text = ProgressOf(run), done = finished,
        });
    }

    private Task<PackageImportRun?> FindAsync(int id, CancellationToken cancellationToken) =>
        imports.FindAsync(id, User.UserId()!, User.IsAdministrator(), cancellationToken);
}
