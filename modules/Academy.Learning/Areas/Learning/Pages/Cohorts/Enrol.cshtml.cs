using Academy.Learning.Cohorts;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Academy.Modules;
using Academy.Theme.Nhs.Forms;
using FluentValidation;
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
        await LoadCoursesAsync(cancellationToken);
        (foundPerson, personError) = await cohorts.PersonOfTrustAsync(trust, nameof(Email), Email, cancellationToken);
        foundCourse = int.TryParse(CourseId, out var id)
            ? await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Status == CourseStatus.Published, cancellationToken)
            : null;
        (due, dueError) = DueDates.Parse(DueDate, nameof(DueDate), "the due date", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        await this.ThrowIfInvalidAsync(new Validator(), cancellationToken);
        var (person, course) = (foundPerson!, foundCourse!);
        var result = await enrolments.EnrolAsync(course, person.UserId, EnrolmentSource.Ccio, due, cancellationToken);
        Enrolled = result.Created
            ? $"{person.DisplayName} is enrolled on {course.Title}, due {MyLearningModel.Date(due!.Value)}."
            : $"{person.DisplayName} was already enrolled on {course.Title}; it is now due {MyLearningModel.Date(result.Enrolment.DueOn ?? due!.Value)}.";
        return RedirectToPage("/Cohorts/Index");
    }

    // What the form names, as the post found it: the validator says what is wrong with it, the handler enrols with it.
    private StaffPerson? foundPerson;
    private RuleError? personError;
    private Course? foundCourse;
    private DateOnly? due;
    private RuleError? dueError;

    public sealed class Validator : AbstractValidator<EnrolModel>
    {
        public Validator() => this.RuleErrors(p => new[] { p.personError, p.foundCourse is null ? new RuleError(nameof(CourseId), "Select a course") : null, p.dueError }.OfType<RuleError>());
    }

    private async Task LoadCoursesAsync(CancellationToken cancellationToken) =>
        CourseOptions = [new SelectListItem("Select a course", ""), .. (await db.Courses.AsNoTracking().Where(c => c.Status == CourseStatus.Published).OrderBy(c => c.Title)
            .Select(c => new { c.Id, c.Title }).ToListAsync(cancellationToken)).Select(c => new SelectListItem(c.Title, c.Id.ToString(), c.Id.ToString() == CourseId))];
}
