using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Pages.Courses;

/// A course as learners see it: what it covers, its outline, its length and what completing it needs; Enrol, or Start
/// once enrolled. Drafts are not here (authors preview them); a retired course is shown only to people enrolled on it.
[Authorize(Policy = Policies.SignedIn)]
public sealed class CourseModel(LearningDbContext db, EnrolmentRules enrolments) : PageModel
{
    public Course Course { get; private set; } = default!;
    public Enrolment? Enrolment { get; private set; }
    /// The learner has opened a lesson of this enrolment: the page offers Resume (Player/CoursePlayer.ResumeAsync) instead of Start.
    public bool Started { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    /// A post that names none of this page's handlers (its button's handler stripped, a form posted by hand) would
    /// otherwise render the page without loading it.
    public IActionResult OnPost() => BadRequest();

    public async Task<IActionResult> OnPostEnrolAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        if (Enrolment is null)
        {
            if (!EnrolmentRules.CanSelfEnrol(Course)) return NotFound();
            await enrolments.EnrolAsync(Course, User.UserId()!, EnrolmentSource.Self, dueOn: null, cancellationToken);
        }
        return RedirectToPage("/Courses/Course", null, new { slug = Course.Slug }, "enrolment");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking().Include(c => c.Sections).ThenInclude(s => s.Lessons).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (course is null || course.Status == CourseStatus.Draft) return false;
        Course = course;
        Enrolment = await enrolments.LiveAsync(course.Id, User.UserId()!, cancellationToken);
        Started = Enrolment is not null && await db.Launches.AnyAsync(l => l.EnrolmentId == Enrolment.Id, cancellationToken);
        if (course.Status == CourseStatus.Retired && Enrolment is null) return false;
        return true;
    }
}
