namespace Academy.Learning.Progress;

/// The rebuild as a Hangfire job, queued from /learning/manage/progress, so it runs on a job server
/// rather than inside the administrator's request.
public sealed class RebuildProgressJob(ProgressProjection projection)
{
    public async Task RunAsync(CancellationToken cancellationToken) => await projection.RebuildAsync(cancellationToken);
}
