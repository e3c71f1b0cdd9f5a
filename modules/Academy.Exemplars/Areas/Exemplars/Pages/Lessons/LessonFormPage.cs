using Academy.Theme.Nhs.Forms;
using Academy.Exemplars.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Lessons;

/// The fields of a lesson as typed (checked by LessonFormValidator), and copying them into a lesson: shared by writing a lesson (New)
/// and changing a draft (Edit), with the fields in _LessonFields.cshtml. The names stay flat ("Title", not
/// "Form.Title") so that the field ids, and the links to them, are the ones the lesson form has always had.
public abstract class LessonFormPage : PageModel
{
    [BindProperty, MaxChars(200, "Title")] public string? Title { get; set; }
    [BindProperty] public string? CapabilityArea { get; set; }
    [BindProperty, MaxChars(5000, "The context")] public string? Context { get; set; }
    [BindProperty, MaxChars(5000, "What happened")] public string? WhatHappened { get; set; }
    [BindProperty, MaxChars(5000, "What to repeat")] public string? WhatToRepeat { get; set; }
    [BindProperty, MaxChars(5000, "What to do differently")] public string? WhatToDoDifferently { get; set; }
    [BindProperty, MaxChars(500, "Tags")] public string? Tags { get; set; }
    [BindProperty] public string? MilestoneId { get; set; }
    public IReadOnlyList<SelectListItem> MilestoneOptions { get; private set; } = [];
    public static IReadOnlyList<SelectListItem> AreaOptions => Milestones.MilestoneForm.AreaOptions;

    /// A lesson may name a milestone of its own trust only.
    protected async Task LoadMilestoneOptionsAsync(ExemplarsDbContext db, int trustId, CancellationToken cancellationToken) =>
        MilestoneOptions = [new("No milestone", ""), .. await db.Milestones.AsNoTracking().Where(m => m.Participation.TrustId == trustId)
            .OrderBy(m => m.BaselineDate).Select(m => new SelectListItem(m.Title, m.Id.ToString())).ToListAsync(cancellationToken)];

    protected void Fill(Lesson lesson)
    {
        (Title, CapabilityArea, Context, WhatHappened) = (lesson.Title, lesson.CapabilityArea.ToString(), lesson.Context, lesson.WhatHappened);
        (WhatToRepeat, WhatToDoDifferently, Tags, MilestoneId) = (lesson.WhatToRepeat, lesson.WhatToDoDifferently, lesson.Tags.Replace(",", ", "), lesson.MilestoneId?.ToString());
    }

    /// Copies the values into the lesson; call it once LessonFormValidator has passed (after LoadMilestoneOptionsAsync),
    /// so that nothing is half-written.
    protected void Apply(Lesson lesson)
    {
        lesson.MilestoneId = string.IsNullOrEmpty(MilestoneId) ? null : int.Parse(MilestoneId, Format.EnGb);
        lesson.Title = Title!.Trim();
        lesson.CapabilityArea = Enum.Parse<CapabilityArea>(CapabilityArea!);
        lesson.Context = Context!.Trim();
        lesson.WhatHappened = WhatHappened!.Trim();
        lesson.WhatToRepeat = WhatToRepeat?.Trim() ?? "";
        lesson.WhatToDoDifferently = WhatToDoDifferently?.Trim() ?? "";
        lesson.Tags = string.Join(",", Academy.Exemplars.Lessons.LessonIndex.Tags(Tags ?? ""));
    }
}
