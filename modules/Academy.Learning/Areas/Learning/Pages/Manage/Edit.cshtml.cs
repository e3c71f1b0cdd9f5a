using Academy.Learning.Courses;
using Academy.Learning.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Pages.Manage;

public sealed class EditCourseModel(LearningDbContext db, TimeProvider clock) : AuthoringPage(db, clock), ICourseFormPage
{
    [BindProperty] public CourseForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Form = CourseForm.From(Course);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        ModelState.Clear();
        var slug = Form.Slug?.Trim();
        var taken = slug is not null && await Db.Courses.AnyAsync(c => c.Slug == slug && c.Id != id, cancellationToken);
        this.ThrowIfAny(CourseRules.CheckCourse(Form.Details, taken, Course), "Form.", StatusCodes.Status200OK);
        CourseRules.ApplyCourse(Course, Form.Details);
        await SaveAsync(cancellationToken);
        return Redirect(CourseUrl);
    }
}
