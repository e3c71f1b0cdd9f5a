namespace Academy.Learning.Enrolments.Uploads;

/// Ready: checked with no errors, waiting for the uploader to apply it. Queued: applying was asked for once (a second
/// post finds it queued and changes nothing). Applying: the job is working through the rows. Applied: every row has its outcome.
public enum UploadStatus { Ready, Queued, Applying, Applied }

/// What applying did with a row: enrolled the person, found them enrolled already (their due date is left as it was),
/// or skipped the row because the course stopped taking enrolments or the person left the uploader's trust (or Academy)
/// between the preview and applying.
public enum UploadOutcome { Enrolled, AlreadyEnrolled, Skipped }

/// A file of enrolments (email, course, due date) that a CCIO or an administrator uploaded. Only a file without errors
/// is kept (a file with errors is shown back with its errors and stored nowhere). The same file from the same person
/// is one upload: a second post of it shows the first (unique on <see cref="UploadedBy"/> and <see cref="ContentHash"/>).
public sealed class EnrolmentUpload
{
    public int Id { get; set; }
    /// The uploader's user id; only they (and administrators) see the upload.
    public string UploadedBy { get; set; } = "";
    /// The CCIO's trust, which every person in the file must belong to; null when an administrator uploaded it (any person).
    public string? TrustOdsCode { get; set; }
    public string FileName { get; set; } = "";
    /// SHA-256 of the file's bytes, in hex.
    public string ContentHash { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
    public UploadStatus Status { get; set; }
    public int RowCount { get; set; }
    /// Rows with an outcome so far: the progress bar.
    public int Processed { get; set; }
    public int Enrolled { get; set; }
    public int AlreadyEnrolled { get; set; }
    public int Skipped { get; set; }
    public DateTimeOffset? QueuedAt { get; set; }
    public DateTimeOffset? AppliedAt { get; set; }

    public List<EnrolmentUploadRow> Rows { get; set; } = [];
}

/// One checked row: the person (found by email) and course (found by slug or title) it names.
public sealed class EnrolmentUploadRow
{
    public int UploadId { get; set; }
    /// The row's number in the file as a spreadsheet shows it (a header row is row 1).
    public int Line { get; set; }
    public string UserId { get; set; } = "";
    public string Email { get; set; } = "";
    public int CourseId { get; set; }
    public DateOnly? DueOn { get; set; }
    public UploadOutcome? Outcome { get; set; }
}
