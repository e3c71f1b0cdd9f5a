using Academy.Exemplars.Data;
using Academy.Exemplars.Tracking;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Lessons;

/// A trust lead drafts a lesson for their own trust; it is published from its page.
[Authorize(Roles = Roles.TrustLead)]
public sealed class NewLessonModel(ExemplarsDbContext db) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? CapabilityArea { get; set; }
    [BindProperty] public string? Context { get; set; }
    [BindProperty] public string? WhatHappened { get; set; }
    [BindProperty] public string? WhatToRepeat { get; set; }
    [BindProperty] public string? WhatToDoDifferently { get; set; }
    [BindProperty] public string? Tags { get; set; }
    [BindProperty] public string? MilestoneId { get; set; }
    public IReadOnlyList<SelectListItem> MilestoneOptions { get; private set; } = [];
    public static IReadOnlyList<SelectListItem> AreaOptions => Milestones.MilestoneForm.AreaOptions;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } participation) return NotFound();
        if (string.IsNullOrWhiteSpace(Title)) ModelState.AddModelError(nameof(Title), "Enter a title");
        else if (Title.Length > 200) ModelState.AddModelError(nameof(Title), "Title must be 200 characters or fewer");
        var areaOk = Enum.TryParse<CapabilityArea>(CapabilityArea, out var area) && Enum.IsDefined(area);
        if (!areaOk) ModelState.AddModelError(nameof(CapabilityArea), "Select a capability area");
        if (string.IsNullOrWhiteSpace(Context)) ModelState.AddModelError(nameof(Context), "Enter the context");
        if (string.IsNullOrWhiteSpace(WhatHappened)) ModelState.AddModelError(nameof(WhatHappened), "Enter what happened");
        if (string.IsNullOrWhiteSpace(WhatToRepeat) && string.IsNullOrWhiteSpace(WhatToDoDifferently))
            ModelState.AddModelError(nameof(WhatToRepeat), "Enter what to repeat, what to do differently, or both");
        if (Tags?.Length > 500) ModelState.AddModelError(nameof(Tags), "Tags must be 500 characters or fewer");
        int? milestoneId = null;
        if (!string.IsNullOrEmpty(MilestoneId))
        {
            if (int.TryParse(MilestoneId, out var mid) && MilestoneOptions.Any(o => o.Value == MilestoneId)) milestoneId = mid;
            else ModelState.AddModelError(nameof(MilestoneId), "Select a milestone from the list");
        }
        if (!ModelState.IsValid) return Page();

        var lesson = new Lesson
        {
            ParticipationId = participation.Id, MilestoneId = milestoneId, Title = Title!.Trim(), CapabilityArea = area, Context = Context!.Trim(), WhatHappened = WhatHappened!.Trim(),
            WhatToRepeat = WhatToRepeat?.Trim() ?? "", WhatToDoDifferently = WhatToDoDifferently?.Trim() ?? "",
            Tags = string.Join(",", Academy.Exemplars.Lessons.LessonIndex.Tags(Tags ?? "")), Status = LessonStatus.Draft, Author = User.Email(),
        };
        db.Lessons.Add(lesson);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/exemplars/lessons/{lesson.Id}");
    }

    /// The lead's own trust's (first) participation: a lesson belongs to the lead's trust, never one named in the form.
    private async Task<Participation?> LoadAsync(CancellationToken cancellationToken)
    {
        var ods = User.TrustOdsCode();
        var participation = await db.Participations.AsNoTracking().Include(p => p.Trust).Where(p => p.Trust.OdsCode == ods).OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        if (participation is null) return null;
        MilestoneOptions = [new("No milestone", ""), .. await db.Milestones.AsNoTracking().Where(m => m.Participation.TrustId == participation.TrustId)
            .OrderBy(m => m.BaselineDate).Select(m => new SelectListItem(m.Title, m.Id.ToString())).ToListAsync(cancellationToken)];
        return participation;
    }
}
