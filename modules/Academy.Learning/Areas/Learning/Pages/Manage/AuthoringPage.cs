using Academy.Learning.Courses;
using Academy.Learning.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Pages.Manage;

/// What every authoring page shares: course authors and administrators only; the course loaded whole and tracked;
/// and saving through CourseRules.Changed, which gives a published course
/// a new version when what learners see has changed.
[Authorize(Policy = LearningAccess.CourseAuthorPolicy)]
public abstract class AuthoringPage(LearningDbContext db, TimeProvider clock) : PageModel
{
    private string before = "";
    protected LearningDbContext Db => db;
    protected DateTimeOffset Now => clock.GetUtcNow();
    public Course Course { get; private set; } = default!;

    protected async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var course = await db.Courses.Include(c => c.Sections).ThenInclude(s => s.Lessons).ThenInclude(l => l.Questions).ThenInclude(q => q.Options)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (course is null) return false;
        Course = course;
        before = CourseRules.Fingerprint(course);
        return true;
    }

    public IEnumerable<Section> Sections => Course.Sections.OrderBy(s => s.Position);

    public static IEnumerable<Lesson> LessonsOf(Section section) => section.Lessons.OrderBy(l => l.Position);

    protected async Task SaveAsync(CancellationToken cancellationToken)
    {
        CourseRules.Changed(Course, before, Now);
        await db.SaveChangesAsync(cancellationToken);
        before = CourseRules.Fingerprint(Course);
    }

    public string CourseUrl => Url.Page("/Manage/Course", new { area = "Learning", id = Course.Id })!;
}
