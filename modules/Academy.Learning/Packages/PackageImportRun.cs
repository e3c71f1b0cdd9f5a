namespace Academy.Learning.Packages;

/// Queued: the upload is saved and the job not yet started. Running: the job is checking and extracting the package.
/// Done: the draft course is made. Refused: the package was refused (or the import failed) and nothing of it is kept.
public enum ImportRunStatus { Queued, Running, Done, Refused }

/// One package import, from the saved upload to its outcome: what the status page shows while the background job
/// works. Only the person who uploaded it (and administrators) see it.
public sealed class PackageImportRun
{
    public int Id { get; set; }
    public string ImportedBy { get; set; } = "";
    /// The name the uploader's file had (shown back, never used as a path).
    public string FileName { get; set; } = "";
    /// The saved upload's name in the store's uploads folder (ours: 32 hex digits and ".tmp"); null once the job has discarded it.
    public string? UploadFile { get; set; }
    public Academy.Learning.Courses.CapabilityDomain Domain { get; set; }
    public int EstimatedMinutes { get; set; }
    public ImportRunStatus Status { get; set; }
    /// Files extracted so far (a zip) or units read (a course structure alone), out of <see cref="Total"/>: the progress bar.
    public int Progress { get; set; }
    /// 0 until the package has been read and its size is known.
    public int Total { get; set; }
    /// Why the package was refused, one reason a line.
    public string? Refusal { get; set; }
    public int? CourseId { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public IReadOnlyList<string> Reasons => Refusal is null ? [] : Refusal.Split('\n');
}
