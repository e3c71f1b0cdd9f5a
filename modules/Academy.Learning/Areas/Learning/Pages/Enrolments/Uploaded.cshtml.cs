using System.Globalization;
using Academy.Learning.Data;
using Academy.Learning.Enrolments.Uploads;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Pages.Enrolments;

/// One upload, as far as it has gone: ready to check and apply, applying (a progress bar that a script refreshes, and a
/// link that does without one), or applied (what it did). Only the uploader and administrators see it; anyone else
/// gets 404, as if there were no such upload.
[Authorize(Policy = LearningAccess.UploadPolicy)]
public sealed class UploadedModel(LearningDbContext db, UploadRules rules) : PageModel
{
    public sealed record CourseRows(string Title, int Rows);

    public EnrolmentUpload Upload { get; private set; } = default!;
    public IReadOnlyList<CourseRows> Courses { get; private set; } = [];
    public int People { get; private set; }
    public int Undated { get; private set; }
    public bool Again { get; private set; }

    public string Address(string? handler = null) => Url.Page("/Enrolments/Uploaded", handler, new { area = "Learning", id = Upload.Id })!;
    public string ProgressText => ProgressOf(Upload);

    public static string ProgressOf(EnrolmentUpload upload) =>
        string.Create(CultureInfo.GetCultureInfo("en-GB"), $"{upload.Processed:N0} of {upload.RowCount:N0} rows");

    public async Task<IActionResult> OnGetAsync(int id, bool again, CancellationToken cancellationToken)
    {
        if (await rules.FindAsync(id, User.Uploader(), cancellationToken) is not { } upload) return NotFound();
        (Upload, Again) = (upload, again);
        if (upload.Status == UploadStatus.Ready)
        {
            var rows = db.EnrolmentUploadRows.AsNoTracking().Where(r => r.UploadId == id);
            Courses = await (from r in rows
                             join c in db.Courses on r.CourseId equals c.Id
                             group r by c.Title into g
                             orderby g.Key
                             select new CourseRows(g.Key, g.Count())).ToListAsync(cancellationToken);
            People = await rows.Select(r => r.UserId).Distinct().CountAsync(cancellationToken);
            Undated = await rows.CountAsync(r => r.DueOn == null, cancellationToken);
        }
        return Page();
    }

    /// For the page's script: where applying has got to.
    public async Task<IActionResult> OnGetProgressAsync(int id, CancellationToken cancellationToken)
    {
        if (await rules.FindAsync(id, User.Uploader(), cancellationToken) is not { } upload) return NotFound();
        return new JsonResult(new
        {
            status = upload.Status.ToString(), processed = upload.Processed, total = upload.RowCount,
            text = ProgressOf(upload), done = upload.Status == UploadStatus.Applied,
        });
    }

    /// A second post (a double click, the back button) finds the upload queued already and changes nothing.
    public async Task<IActionResult> OnPostApplyAsync(int id, CancellationToken cancellationToken)
    {
        if (await rules.FindAsync(id, User.Uploader(), cancellationToken) is null) return NotFound();
        await rules.ApplyAsync(id, cancellationToken);
        return RedirectToPage("/Enrolments/Uploaded", new { id });
    }
}
