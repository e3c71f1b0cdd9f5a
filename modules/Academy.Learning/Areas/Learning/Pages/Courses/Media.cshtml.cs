using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Pages.Courses;

/// A video lesson's file (with HTTP range requests, so players can seek and phones can stream) and its WebVTT
/// captions. Served to people with a live enrolment on the course (published or retired) and to course authors
/// (who preview drafts); to everyone else the file does not exist.
[Authorize(Policy = Policies.SignedIn)]
public sealed class MediaModel(LearningDbContext db, EnrolmentRules enrolments, MediaStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, string lessonSlug, string file, CancellationToken cancellationToken)
    {
        var lesson = await db.Lessons.AsNoTracking().Include(l => l.Section).ThenInclude(s => s.Course)
            .SingleOrDefaultAsync(l => l.Section.Course.Slug == slug && l.Slug == lessonSlug && l.Kind == LessonKind.Video, cancellationToken);
        if (lesson is null) return NotFound();
        var course = lesson.Section.Course;
        var allowed = User.IsCourseAuthor()
            || (course.Status != CourseStatus.Draft && await enrolments.LiveAsync(course.Id, User.UserId()!, cancellationToken) is not null);
        if (!allowed) return NotFound();

        var (stored, type) = file == "video" ? (lesson.VideoFile, lesson.VideoContentType) : (lesson.CaptionsFile, "text/vtt");
        if (stored is null || type is null) return NotFound();
        var path = store.PathOf(stored);
        if (!System.IO.File.Exists(path)) return NotFound();
        // The stored name is the content's hash: the same URL may serve new bytes after an edit, so revalidate each time.
        Response.Headers.CacheControl = "private, no-cache";
        return new PhysicalFileResult(path, type) { EnableRangeProcessing = true };
    }
}
