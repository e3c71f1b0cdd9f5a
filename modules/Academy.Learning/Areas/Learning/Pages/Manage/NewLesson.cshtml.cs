using Academy.Learning.Courses;
using Academy.Learning.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Academy.Learning.Pages.Manage;

/// Adds a lesson of one kind to the end of a section; its content is written on the lesson's own page next.
public sealed class NewLessonModel(LearningDbContext db, TimeProvider clock) : AuthoringPage(db, clock)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Minutes { get; set; }
    public Section Section { get; private set; } = default!;

    public static IReadOnlyList<SelectListItem> KindOptions { get; } =
        [new("Select a kind", ""), new("A page of text (Markdown)", nameof(LessonKind.Page)), new("A video", nameof(LessonKind.Video)), new("A quiz", nameof(LessonKind.Quiz))];

    public async Task<IActionResult> OnGetAsync(int id, int sectionId, CancellationToken cancellationToken) =>
        await LoadAsync(id, sectionId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int sectionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, sectionId, cancellationToken)) return NotFound();
        ModelState.Clear();
        var details = new CourseRules.LessonDetails(Title, Slug, Kind, Minutes);
        this.ThrowIfAny(CourseRules.CheckLesson(Course, null, details), statusCode: StatusCodes.Status200OK);
        var lesson = new Lesson { Position = Section.Lessons.Count + 1 };
        CourseRules.ApplyLesson(lesson, details);
        if (lesson.Kind == LessonKind.Quiz) lesson.PassMark = 80;
        Section.Lessons.Add(lesson);
        await SaveAsync(cancellationToken);
        return RedirectToPage("/Manage/Lesson", new { id = Course.Id, lessonId = lesson.Id });
    }

    private async Task<bool> LoadAsync(int id, int sectionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Course.Sections.SingleOrDefault(s => s.Id == sectionId) is not { } section) return false;
        Section = section;
        return true;
    }
}
