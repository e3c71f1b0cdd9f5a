using Academy.Learning.Cohorts;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Pages.Cohorts;

/// A CCIO enrols one person of their trust on a course with a due date (issue 11 §2, source Ccio).
[Authorize(Policy = Policies.Ccio)]
public sealed class EnrolModel(LearningDbContext db, CohortRules cohorts, EnrolmentRules enrolments, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? CourseId { get; set; }
    [BindProperty] public string? DueDate { get; set; }
    [TempData] public string? Enrolled { get; set; }

    public IReadOnlyList<SelectListItem> CourseOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.CcioTrust() is null) return Forbid();
        await LoadCoursesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.CcioTrust() is not { } trust) return Forbid();
        var (person, personError) = await cohorts.PersonOfTrustAsync(trust, nameof(Email), Email, cancellationToken);
        if (personError is not null && !HasError(nameof(Email))) ModelState.AddModelError(personError.Field, personError.Message);
        Course? course = null;
        if (!int.TryParse(CourseId, out var id) || (course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Status == CourseStatus.Published, cancellationToken)) is null)
            ModelState.AddModelError(nameof(CourseId), "Select a course");
        var (due, dueError) = DueDates.Parse(DueDate, nameof(DueDate), "the due date", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (dueError is not null && !HasError(nameof(DueDate))) ModelState.AddModelError(dueError.Field, dueError.Message);
        if (!ModelState.IsValid || person is null || course is null)
        {
            await LoadCoursesAsync(cancellationToken);
            return Page();
        }
        var result = await enrolments.EnrolAsync(course, person.UserId, EnrolmentSource.Ccio, due, cancellationToken);
        Enrolled = result.Created
            ? $"{person.DisplayName} is enrolled on {course.Title}, due {MyLearningModel.Date(due!.Value)}."
            : $"{person.DisplayName} was already enrolled on {course.Title}; it is now due {MyLearningModel.Date(result.Enrolment.DueOn ?? due!.Value)}.";
        return RedirectToPage("/Cohorts/Index");
    }

    /// The binder may already have refused the field (hidden characters): one error beside it is enough.
    private bool HasError(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    private async Task LoadCoursesAsync(CancellationToken cancellationToken) =>
        CourseOptions = [new SelectListItem("Select a course", ""), .. (await db.Courses.AsNoTracking().Where(c => c.Status == CourseStatus.Published).OrderBy(c => c.Title)
            .Select(c => new { c.Id, c.Title }).ToListAsync(cancellationToken)).Select(c => new SelectListItem(c.Title, c.Id.ToString(), c.Id.ToString() == CourseId))];
}
