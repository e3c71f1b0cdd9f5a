using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Modules;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Enrolments.Uploads;

/// Applies a queued upload through <see cref="EnrolmentRules.EnrolAsync"/>, a batch of rows per transaction: each
/// batch's enrolments, its rows' outcomes and the upload's counts are kept together, so the progress bar never runs
/// ahead of what is stored, and a job stopped part way (a restart; Hangfire runs it again) carries on from the first
/// row without an outcome rather than starting again.
public sealed class EnrolmentUploadJob(LearningDbContext db, EnrolmentRules enrolments, IStaffDirectory staff, TimeProvider clock)
{
    public const int BatchSize = 250;

    public async Task RunAsync(int uploadId, CancellationToken cancellationToken)
    {
        var upload = await db.EnrolmentUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == uploadId, cancellationToken);
        // Ready was never asked to be applied; Applied is done (a job enqueued twice finds nothing to do).
        if (upload is null || upload.Status is UploadStatus.Ready or UploadStatus.Applied) return;
        await db.EnrolmentUploads.Where(u => u.Id == uploadId && u.Status == UploadStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Status, UploadStatus.Applying), cancellationToken);
        // An upload without a trust was an administrator's (a CCIO's always has one: see UploadRules.KeepAsync).
        var uploader = new UploadRules.Uploader(upload.UploadedBy, upload.TrustOdsCode is null, upload.TrustOdsCode);
        while (await ApplyBatchAsync(uploadId, uploader, cancellationToken)) { }
        await db.EnrolmentUploads.Where(u => u.Id == uploadId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Status, UploadStatus.Applied).SetProperty(u => u.AppliedAt, clock.GetUtcNow()), cancellationToken);
    }

    private async Task<bool> ApplyBatchAsync(int uploadId, UploadRules.Uploader uploader, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var batch = await db.EnrolmentUploadRows.Where(r => r.UploadId == uploadId && r.Outcome == null)
            .OrderBy(r => r.Line).Take(BatchSize).ToListAsync(cancellationToken);
        if (batch.Count == 0) return false;
        // Checked again at applying: a course retired, or a person who left the trust, since the preview is skipped.
        var people = (await staff.ByIdAsync(batch.Select(r => r.UserId), cancellationToken)).Where(p => !p.Disabled).ToDictionary(a => a.UserId);
        var courseIds = batch.Select(r => r.CourseId).Distinct().ToList();
        var courses = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id) && c.Status == CourseStatus.Published)
            .ToDictionaryAsync(c => c.Id, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in batch)
        {
            if (!courses.TryGetValue(row.CourseId, out var course) || !people.TryGetValue(row.UserId, out var person) || !uploader.MayEnrol(person))
                row.Outcome = UploadOutcome.Skipped;
            else
                row.Outcome = (await enrolments.EnrolAsync(course, row.UserId, EnrolmentSource.Upload, row.DueOn, cancellationToken)).Created
                    ? UploadOutcome.Enrolled : UploadOutcome.AlreadyEnrolled;
        }
        await db.SaveChangesAsync(cancellationToken);
        var (enrolled, already, skipped) = (Count(UploadOutcome.Enrolled), Count(UploadOutcome.AlreadyEnrolled), Count(UploadOutcome.Skipped));
        await db.EnrolmentUploads.Where(u => u.Id == uploadId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.Processed, u => u.Processed + batch.Count)
            .SetProperty(u => u.Enrolled, u => u.Enrolled + enrolled)
            .SetProperty(u => u.AlreadyEnrolled, u => u.AlreadyEnrolled + already)
            .SetProperty(u => u.Skipped, u => u.Skipped + skipped), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;

        int Count(UploadOutcome outcome) => batch.Count(r => r.Outcome == outcome);
    }
}
