using Academy.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Academy.Learning.Packages;

/// Imports a queued run's upload with <see cref="PackageImport"/> (all or nothing), writing the files extracted so far
/// to the run as it goes, then its outcome: Done with the course, or Refused with the reasons. The upload is deleted
/// either way. A run stopped part way (a restart; Hangfire runs the job again) is imported again from the start: a
/// half-done import kept nothing. A run already finished is left as it is.
public sealed class PackageImportJob(LearningDbContext db, PackageImport import, PackageStore store, TimeProvider clock, ILogger<PackageImportJob> logger)
{
    public async Task RunAsync(int runId, CancellationToken cancellationToken)
    {
        var run = await db.PackageImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null || run.Status is ImportRunStatus.Done or ImportRunStatus.Refused) return;
        await db.PackageImportRuns.Where(r => r.Id == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ImportRunStatus.Running).SetProperty(r => r.Progress, 0), cancellationToken);
        var path = run.UploadFile is null ? null : store.UploadPath(run.UploadFile);
        PackageImport.Result result;
        try
        {
            result = path is not null && File.Exists(path)
                ? await import.ImportAsync(path, run.FileName, new PackageImport.Settings(run.Domain, run.EstimatedMinutes), run.ImportedBy, cancellationToken, ReportAsync)
                : PackageImport.Result.Refused("The uploaded file is no longer there; upload the package again");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The import removed whatever it had written; the run says so rather than staying Running for ever.
            logger.LogError(e, "Package import run {RunId} failed", runId);
            result = PackageImport.Result.Refused("The package could not be imported because of an error in Academy; try again, and tell the service desk if it happens again");
        }
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        if (result.Course is { } course)
            await db.PackageImportRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ImportRunStatus.Done).SetProperty(r => r.CourseId, course.Id)
                .SetProperty(r => r.UploadFile, (string?)null).SetProperty(r => r.FinishedAt, now), cancellationToken);
        else
            await db.PackageImportRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ImportRunStatus.Refused).SetProperty(r => r.Refusal, Clip(string.Join('\n', result.Errors)))
                .SetProperty(r => r.UploadFile, (string?)null).SetProperty(r => r.FinishedAt, now), cancellationToken);
        if (path is not null) PackageStore.Discard(path);

        Task ReportAsync(int done, int total, CancellationToken token) => db.PackageImportRuns.Where(r => r.Id == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Progress, done).SetProperty(r => r.Total, total), token);
    }

    private static string Clip(string text) => text.Length <= 8000 ? text : text[..7999] + "…";
}
