using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Theme.Nhs.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Pages.Manage;

public sealed class NewCourseModel(LearningDbContext db, TimeProvider clock) : AuthoringPage(db, clock), ICourseFormPage
{
    [BindProperty] public CourseForm Form { get; set; } = new();

    public void OnGet() => Form = new CourseForm { ValidityMonths = "0" };

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var slug = Form.Slug?.Trim();
        var taken = slug is not null && await Db.Courses.AnyAsync(c => c.Slug == slug, cancellationToken);
        this.ThrowIfAny(CourseRules.CheckCourse(Form.Details, taken), "Form.", StatusCodes.Status200OK);
        var course = new Course { Status = CourseStatus.Draft, UpdatedAt = Now };
        CourseRules.ApplyCourse(course, Form.Details);
        Db.Courses.Add(course);
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two authors chose the same name at once; the unique index kept one.
            Db.Entry(course).State = EntityState.Detached;
            if (!await Db.Courses.AnyAsync(c => c.Slug == course.Slug, cancellationToken)) throw;
            throw FormValidation.Problem("Form.Slug", "Another course already uses this web address name", StatusCodes.Status200OK);
        }
        return RedirectToPage("/Manage/Course", new { id = course.Id });
    }
}
