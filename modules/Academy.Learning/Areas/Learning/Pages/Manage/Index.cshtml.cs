using Academy.Learning.Courses;
using Academy.Learning.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Pages.Manage;

[Authorize(Policy = LearningAccess.CourseAuthorPolicy)]
public sealed class ManageCoursesModel(LearningDbContext db) : PageModel
{
    public IReadOnlyList<Course> Courses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Courses = await db.Courses.AsNoTracking().OrderBy(c => c.Status).ThenBy(c => c.Title).ToListAsync(cancellationToken);
}
