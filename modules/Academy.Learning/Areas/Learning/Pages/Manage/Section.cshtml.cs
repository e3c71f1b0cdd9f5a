using Academy.Learning.Courses;
using Academy.Learning.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Learning.Pages.Manage;

public sealed class SectionModel(LearningDbContext db, TimeProvider clock) : AuthoringPage(db, clock)
{
    [BindProperty] public string? Title { get; set; }
    public Section Section { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, int sectionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, sectionId, cancellationToken)) return NotFound();
        Title = Section.Title;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int sectionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, sectionId, cancellationToken)) return NotFound();
        ModelState.Clear();
        this.ThrowIfAny(CourseRules.CheckSection(Title), statusCode: StatusCodes.Status200OK);
        Section.Title = Title!.Trim();
        await SaveAsync(cancellationToken);
        return Redirect(CourseUrl + "#sections");
    }

    private async Task<bool> LoadAsync(int id, int sectionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Course.Sections.SingleOrDefault(s => s.Id == sectionId) is not { } section) return false;
        Section = section;
        return true;
    }
}
