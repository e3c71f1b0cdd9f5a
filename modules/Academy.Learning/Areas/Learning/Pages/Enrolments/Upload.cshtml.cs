using Academy.Learning.Enrolments.Uploads;
using Academy.Theme.Nhs.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Learning.Pages.Enrolments;

/// Step one of a bulk enrolment: choose a file. It is read and checked whole; a file with errors comes back with each
/// bad row and is kept nowhere, a good one is kept and shown for checking (Uploaded) before it is applied.
/// The request may be far larger than the largest file accepted, so that a person who picks a 30MB file is told so
/// beside the field rather than the server refusing the request outright (beyond RequestLimit it does, with a 400).
[Authorize(Policy = LearningAccess.UploadPolicy)]
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public sealed class UploadModel(UploadRules rules) : PageModel
{
    private const long RequestLimit = 64 * 1024 * 1024;
    /// A file with thousands of bad rows lists this many; the count says how many more there are.
    public const int ErrorsShown = 1000;

    [BindProperty] public IFormFile? Upload { get; set; }
    public IReadOnlyList<UploadRules.RowError> RowErrors { get; private set; } = [];
    public int Rows { get; private set; }
    public bool IsAdministrator => User.IsAdministrator();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var problem = Upload is null ? "Select a CSV or Excel file" : Upload.Length > EnrolmentFile.MaxBytes ? EnrolmentFile.TooLarge : null;
        byte[] bytes = [];
        if (problem is null)
        {
            bytes = new byte[Upload!.Length];
            await using (var stream = Upload.OpenReadStream()) await stream.ReadExactlyAsync(bytes, cancellationToken);
            var read = EnrolmentFile.Read(bytes);
            problem = read.Problem;
            if (problem is null) return await CheckAsync(read.Rows, bytes, cancellationToken);
        }
        throw FormValidation.Problem(nameof(Upload), problem!);
    }

    private async Task<IActionResult> CheckAsync(IReadOnlyList<EnrolmentFile.Row> rows, byte[] bytes, CancellationToken cancellationToken)
    {
        var uploader = User.Uploader();
        var hash = UploadRules.Hash(bytes);
        if (await rules.SameFileAsync(uploader.UserId, hash, cancellationToken) is { } earlier)
            return RedirectToPage("/Enrolments/Uploaded", new { id = earlier.Id, again = "true" });
        var result = await rules.CheckAsync(rows, uploader, cancellationToken);
        if (result.Errors.Count == 0)
        {
            var upload = await rules.KeepAsync(uploader, Upload!.FileName, hash, result.Rows, cancellationToken);
            return RedirectToPage("/Enrolments/Uploaded", new { id = upload.Id });
        }
        (RowErrors, Rows) = (result.Errors, rows.Count);
        throw FormValidation.Problem(nameof(Upload), result.Errors.Count == 1
            ? "1 row of the file has a problem: correct it and upload the file again"
            : $"{result.Errors.Count:N0} rows of the file have problems: correct them and upload the file again");
    }
}
