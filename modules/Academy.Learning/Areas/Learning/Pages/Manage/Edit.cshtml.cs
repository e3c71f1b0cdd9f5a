using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Theme.Nhs.Forms;
using FluentValidation;
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
        await this.ThrowIfInvalidAsync(new Validator(Db), cancellationToken);
        CourseRules.ApplyCourse(Course, Form.Details);
        await SaveAsync(cancellationToken);
        return Redirect(CourseUrl);
    }

    public sealed class Validator : AbstractValidator<EditCourseModel>
    {
        public Validator(LearningDbContext db) => this.RuleErrorsAsync(async (p, cancellationToken) =>
        {
            var slug = p.Form.Slug?.Trim();
            var taken = slug is not null && await db.Courses.AnyAsync(c => c.Slug == slug && c.Id != p.Course.Id, cancellationToken);
            return CourseRules.CheckCourse(p.Form.Details, taken, p.Course);
        }, "Form.");
    }
}
