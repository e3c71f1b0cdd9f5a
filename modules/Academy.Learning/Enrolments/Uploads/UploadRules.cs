using System.Globalization;
using System.Security.Cryptography;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Modules;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Enrolments.Uploads;

/// The rules of a bulk enrolment upload, in one place for its pages and its job. A file is checked whole before
/// anything is kept: every row must name a person who has an account (and, for a CCIO, is in the CCIO's trust), a
/// published course by its slug (the last part of its address) or its exact title, and a due date that is empty or
/// a date from today on; and no person and course twice. A file with any error is shown back with each bad row and
/// kept nowhere. A file without errors is kept as an upload, and applying it is a Hangfire job.
public sealed class UploadRules(LearningDbContext db, IStaffDirectory staff, IBackgroundJobClient jobs, TimeProvider clock)
{
    /// Due dates further off than this are taken to be mistakes (a year typed wrong).
    public const int MaxYearsAhead = 5;

    public sealed record RowError(int Line, string Email, string Course, string Due, IReadOnlyList<string> Reasons);

    public sealed record Checked(IReadOnlyList<RowError> Errors, IReadOnlyList<EnrolmentUploadRow> Rows);

    /// Who is uploading: an administrator may name anyone; a CCIO only people of their own trust (none, if they have no trust).
    public sealed record Uploader(string UserId, bool IsAdministrator, string? TrustOdsCode)
    {
        public bool MayEnrol(StaffPerson person) => IsAdministrator
            || (TrustOdsCode is not null && string.Equals(person.TrustOdsCode, TrustOdsCode, StringComparison.OrdinalIgnoreCase));
    }

    public async Task<Checked> CheckAsync(IReadOnlyList<EnrolmentFile.Row> rows, Uploader uploader, CancellationToken cancellationToken)
    {
        var accounts = (await staff.ByEmailAsync(rows.Select(r => r.Email), cancellationToken)).Where(p => !p.Disabled)
            .GroupBy(a => a.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var courses = await db.Courses.AsNoTracking().Where(c => c.Status == CourseStatus.Published)
            .Select(c => new { c.Id, c.Slug, c.Title }).ToListAsync(cancellationToken);
        var bySlug = courses.ToDictionary(c => c.Slug, c => c.Id, StringComparer.OrdinalIgnoreCase);
        var byTitle = courses.ToLookup(c => c.Title.Trim(), c => c.Id, StringComparer.OrdinalIgnoreCase);
        var today = Today;
        var seen = new Dictionary<(string, string), int>();
        var errors = new List<RowError>();
        var good = new List<EnrolmentUploadRow>();
        foreach (var row in rows)
        {
            var reasons = new List<string>();
            StaffPerson? person = null;
            if (row.Email.Length == 0) reasons.Add("The email address is missing");
            else if (!accounts.TryGetValue(row.Email, out person)) reasons.Add($"No one with the email address {row.Email} has an Academy account");
            else if (!uploader.MayEnrol(person))
                reasons.Add($"{row.Email} is not a member of your trust");
            int? courseId = null;
            if (row.Course.Length == 0) reasons.Add("The course is missing");
            else if (bySlug.TryGetValue(row.Course, out var id)) courseId = id;
            else if (byTitle[row.Course].ToList() is { Count: > 0 } titled)
            {
                if (titled.Count == 1) courseId = titled[0];
                else reasons.Add($"More than one course is called {row.Course}: give the course's web address name instead");
            }
            else reasons.Add($"No published course is called {row.Course} or has it as its web address name");
            var (due, dueProblem) = DueOn(row, today);
            if (dueProblem is not null) reasons.Add(dueProblem);
            var key = (person?.UserId ?? row.Email.ToUpperInvariant(), courseId?.ToString(CultureInfo.InvariantCulture) ?? row.Course.ToUpperInvariant());
            if (row.Email.Length > 0 && row.Course.Length > 0)
            {
                if (seen.TryGetValue(key, out var first)) reasons.Add($"Row {first} already enrols this person on this course (a duplicate row)");
                else seen[key] = row.Line;
            }
            if (reasons.Count > 0) errors.Add(new RowError(row.Line, row.Email, row.Course, row.Due, reasons));
            else good.Add(new EnrolmentUploadRow { Line = row.Line, UserId = person!.UserId, Email = person.Email, CourseId = courseId!.Value, DueOn = due });
        }
        return new Checked(errors, good);
    }

    private static readonly string[] DateFormats =
        ["d/M/yyyy", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "d MMM yyyy", "d MMMM yyyy", "d-MMM-yyyy", "d-MMM-yy", "d.M.yyyy"];

    /// Excel on a UK PC writes dates in a CSV as 31/05/2027 (day first); ISO dates and "31 May 2027" are taken too.
    public static (DateOnly? Due, string? Problem) DueOn(EnrolmentFile.Row row, DateOnly today)
    {
        DateOnly due;
        if (row.DueDate is { } date) due = date;
        else if (row.Due.Length == 0) return (null, null);
        else if (DateTime.TryParseExact(row.Due, DateFormats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.AllowWhiteSpaces, out var parsed)) due = DateOnly.FromDateTime(parsed);
        else return (null, $"The due date {row.Due} is not a date: write it like 31/05/2027");
        if (due < today) return (null, $"The due date {Shown(due)} is in the past");
        if (due > today.AddYears(MaxYearsAhead)) return (null, $"The due date {Shown(due)} is more than {MaxYearsAhead} years away");
        return (due, null);
    }

    private static string Shown(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    /// The upload this person already made of these bytes, if any (the same file posted twice is one upload).
    public Task<EnrolmentUpload?> SameFileAsync(string userId, string hash, CancellationToken cancellationToken) =>
        db.EnrolmentUploads.AsNoTracking().SingleOrDefaultAsync(u => u.UploadedBy == userId && u.ContentHash == hash, cancellationToken);

    /// Keeps a checked file (no errors) as a Ready upload. Two posts of one file that race end as one upload.
    public async Task<EnrolmentUpload> KeepAsync(Uploader uploader, string fileName, string hash, IReadOnlyList<EnrolmentUploadRow> rows, CancellationToken cancellationToken)
    {
        var upload = new EnrolmentUpload
        {
            UploadedBy = uploader.UserId, TrustOdsCode = uploader.IsAdministrator ? null : uploader.TrustOdsCode, FileName = SafeName(fileName),
            ContentHash = hash, UploadedAt = clock.GetUtcNow(), Status = UploadStatus.Ready, RowCount = rows.Count, Rows = [.. rows],
        };
        db.EnrolmentUploads.Add(upload);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return upload;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await SameFileAsync(uploader.UserId, hash, cancellationToken) ?? throw new InvalidOperationException("The upload could not be kept.");
        }
    }

    /// Queues the job that applies a Ready upload. Only the first of two posts moves it on; the second changes nothing.
    public async Task<bool> ApplyAsync(int uploadId, CancellationToken cancellationToken)
    {
        var claimed = await db.EnrolmentUploads.Where(u => u.Id == uploadId && u.Status == UploadStatus.Ready)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Status, UploadStatus.Queued).SetProperty(u => u.QueuedAt, clock.GetUtcNow()), cancellationToken);
        if (claimed == 0) return false;
        jobs.Enqueue<EnrolmentUploadJob>(job => job.RunAsync(uploadId, CancellationToken.None));
        return true;
    }

    /// The upload if this person may see it: their own, or any for an administrator.
    public Task<EnrolmentUpload?> FindAsync(int id, Uploader viewer, CancellationToken cancellationToken) =>
        db.EnrolmentUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && (viewer.IsAdministrator || u.UploadedBy == viewer.UserId), cancellationToken);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static string SafeName(string fileName)
    {
        var name = new string(Path.GetFileName(fileName).Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length == 0 ? "upload" : name.Length > 200 ? name[..200] : name;
    }
}
