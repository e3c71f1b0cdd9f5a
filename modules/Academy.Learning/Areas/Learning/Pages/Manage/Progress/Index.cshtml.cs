using Academy.Learning.Data;
using Academy.Learning.Progress;
using Academy.Xapi.Contracts;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Pages.Manage.Progress;

/// Where the progress projection stands against the LRS, and the button that rebuilds it from the LRS
/// (a Hangfire job running <see cref="ProgressProjection.RebuildAsync"/>, the same code as the live path).
[Authorize(Policy = Policies.Administrator)]
public sealed class ProgressIndexModel(LearningDbContext db, ProgressProjection projection, IStatementFeed feed, IBackgroundJobClient jobs) : PageModel
{
    public long Position { get; private set; }
    public long Latest { get; private set; }
    public int WithProgress { get; private set; }
    public int Complete { get; private set; }
    public bool Queued { get; private set; }

    public async Task OnGetAsync(bool queued, CancellationToken cancellationToken)
    {
        Queued = queued;
        Position = (await projection.CursorAsync(cancellationToken)).Position;
        Latest = await feed.LatestPositionAsync(cancellationToken);
        WithProgress = await db.EnrolmentProgress.CountAsync(cancellationToken);
        Complete = await db.EnrolmentProgress.CountAsync(p => p.Status == ProgressStatus.Completed || p.Status == ProgressStatus.Passed, cancellationToken);
    }

    public IActionResult OnPost()
    {
        jobs.Enqueue<RebuildProgressJob>(job => job.RunAsync(CancellationToken.None));
        return RedirectToPage(new { queued = true });
    }
}
