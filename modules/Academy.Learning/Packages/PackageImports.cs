using Academy.Learning.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Packages;

/// The import runs' rules, for the import page, its status page and the job: a saved upload becomes a queued run and a
/// Hangfire job; a run is seen only by the person who uploaded it and by administrators.
public sealed class PackageImports(LearningDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    /// Records the run for an upload already saved in the store (by its name there) and enqueues the job that imports it.
    public async Task<int> QueueAsync(string uploadFile, string fileName, PackageImport.Settings settings, string userId, CancellationToken cancellationToken)
    {
        var clean = new string(Path.GetFileName(fileName).Where(c => !char.IsControl(c)).ToArray()).Trim();
        var run = new PackageImportRun
        {
            ImportedBy = userId, FileName = clean.Length == 0 ? "package" : clean.Length > 200 ? clean[..200] : clean, UploadFile = uploadFile,
            Domain = settings.Domain, EstimatedMinutes = settings.EstimatedMinutes, Status = ImportRunStatus.Queued, QueuedAt = clock.GetUtcNow(),
        };
        db.PackageImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<PackageImportJob>(job => job.RunAsync(run.Id, CancellationToken.None));
        return run.Id;
    }

    /// The run if this person may see it: their own, or any for an administrator.
    public Task<PackageImportRun?> FindAsync(int id, string userId, bool isAdministrator, CancellationToken cancellationToken) =>
        db.PackageImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && (isAdministrator || r.ImportedBy == userId), cancellationToken);
}
