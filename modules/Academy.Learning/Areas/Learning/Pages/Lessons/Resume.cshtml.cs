using Academy.Learning.Player;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Learning.Pages.Lessons;

/// "Resume" on the course page and in My learning: to the lesson the learner was last in.
[Authorize(Policy = Policies.SignedIn)]
public sealed class ResumeModel(CoursePlayer player) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var (access, place) = await player.FindAsync(User.UserId()!, slug, lessonSlug: null, cancellationToken);
        if (access == PlayerAccess.NotFound) return NotFound();
        if (access == PlayerAccess.NotEnrolled) return Forbid();
        var lesson = await player.ResumeAsync(place!, cancellationToken);
        return Redirect(Url.Lesson(place!.Course, lesson));
    }
}
