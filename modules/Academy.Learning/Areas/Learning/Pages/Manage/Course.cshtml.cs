using Academy.Learning.Catalogue;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Learning.Pages.Manage;

/// A course for its authors: details, sections and lessons (add, order, remove), publish and retire.
public sealed class ManageCourseModel(LearningDbContext db, TimeProvider clock, CourseIndex index) : AuthoringPage(db, clock)
{
    [BindProperty] public string? SectionTitle { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// A post that names none of this page's handlers (its button's handler stripped, a form posted by hand) would
    /// otherwise render the page without loading it.
    public IActionResult OnPost() => BadRequest();

    public async Task<IActionResult> OnPostAddSectionAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        ModelState.Clear();
        this.ThrowIfAny(CourseRules.CheckSection(SectionTitle).Select(e => e with { Field = nameof(SectionTitle) }), statusCode: StatusCodes.Status200OK);
        Course.Sections.Add(new Section { Title = SectionTitle!.Trim(), Position = Course.Sections.Count + 1 });
        await SaveAsync(cancellationToken);
        return Redirect(CourseUrl + "#sections");
    }

    public async Task<IActionResult> OnPostMoveSectionAsync(int id, int sectionId, int direction, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var section = Course.Sections.SingleOrDefault(s => s.Id == sectionId);
        if (section is null || direction is not (-1 or 1)) return NotFound();
        CourseRules.Move(Course.Sections, section, direction, s => s.Position, (s, p) => s.Position = p);
        await SaveAsync(cancellationToken);
        return Redirect(CourseUrl + "#sections");
    }

    public async Task<IActionResult> OnPostRemoveSectionAsync(int id, int sectionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var section = Course.Sections.SingleOrDefault(s => s.Id == sectionId);
        if (section is null) return NotFound();
        if (CourseRules.CheckRemoveSection(section) is { } refused) throw Refuse(refused);
        Course.Sections.Remove(section);
        CourseRules.Renumber(Course.Sections, s => s.Position, (s, p) => s.Position = p);
        await SaveAsync(cancellationToken);
        return Redirect(CourseUrl + "#sections");
    }

    /// Moves a lesson up or down within its section, or into the end of the next/previous section at its edge.
    public async Task<IActionResult> OnPostMoveLessonAsync(int id, int lessonId, int direction, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var section = Course.Sections.SingleOrDefault(s => s.Lessons.Any(l => l.Id == lessonId));
        if (section is null || direction is not (-1 or 1)) return NotFound();
        var lesson = section.Lessons.Single(l => l.Id == lessonId);
        if (!CourseRules.Move(section.Lessons, lesson, direction, l => l.Position, (l, p) => l.Position = p))
        {
            var neighbour = Sections.ElementAtOrDefault(Sections.ToList().IndexOf(section) + direction);
            if (neighbour is not null)
            {
                section.Lessons.Remove(lesson);
                lesson.Position = direction < 0 ? neighbour.Lessons.Count + 1 : 0;
                neighbour.Lessons.Add(lesson);
                CourseRules.Renumber(section.Lessons, l => l.Position, (l, p) => l.Position = p);
                CourseRules.Renumber(neighbour.Lessons, l => l.Position, (l, p) => l.Position = p);
            }
        }
        await SaveAsync(cancellationToken);
        return Redirect(CourseUrl + "#sections");
    }

    public async Task<IActionResult> OnPostRemoveLessonAsync(int id, int lessonId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var section = Course.Sections.SingleOrDefault(s => s.Lessons.Any(l => l.Id == lessonId));
        if (section is null) return NotFound();
        var lesson = section.Lessons.Single(l => l.Id == lessonId);
        if (CourseRules.CheckRemoveLesson(Course, lesson) is { } refused) throw Refuse(refused);
        section.Lessons.Remove(lesson);
        CourseRules.Renumber(section.Lessons, l => l.Position, (l, p) => l.Position = p);
        await SaveAsync(cancellationToken);
        return Redirect(CourseUrl + "#sections");
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        ModelState.Clear();
        if (Course.Status == CourseStatus.Published) return Redirect(CourseUrl);
        // Publishing is a rule of the course as it stands, not of anything typed: the errors name what to change first.
        if (CourseRules.CheckPublishable(Course) is { Count: > 0 } unpublishable) throw unpublishable.Refused();
        CourseRules.Publish(Course, Now);
        await SaveAsync(cancellationToken);
        await index.CatchUpAsync(cancellationToken);
        return Redirect(CourseUrl);
    }

    public async Task<IActionResult> OnPostRetireAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (Course.Status == CourseStatus.Published)
        {
            CourseRules.Retire(Course, Now);
            await SaveAsync(cancellationToken);
            await index.CatchUpAsync(cancellationToken);
        }
        return Redirect(CourseUrl);
    }

    /// A button the course's state refuses: the reason is the page's one error, whatever else the form carried.
    private ValidationException Refuse(RuleError error)
    {
        ModelState.Clear();
        return new[] { error }.Refused();
    }
}
