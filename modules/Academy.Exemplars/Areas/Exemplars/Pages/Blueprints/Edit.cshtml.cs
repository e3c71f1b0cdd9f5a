using Academy.Exemplars.Blueprints;
using Academy.Exemplars.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Academy.Exemplars.Pages.Blueprints;

/// A draft blueprint's details and lessons, for its trust's lead: plain forms, one per action, no JavaScript.
/// A published blueprint is locked for good (409), as an approved return is.
[Authorize(Policy = Policies.TrustLead)]
public sealed class EditBlueprintModel(ExemplarsDbContext db, TimeProvider clock) : PageModel, IBlueprintFormPage
{
    [BindProperty] public BlueprintForm Form { get; set; } = new();
    /// The lesson to add, chosen from LessonOptions.
    [BindProperty] public string? LessonId { get; set; }
    public Blueprint Blueprint { get; private set; } = default!;
    public IReadOnlyList<LessonChoice> Choices { get; private set; } = [];
    public IReadOnlyList<SelectListItem> LessonOptions =>
        [new("Select a lesson", ""), .. Choices.Select(c => new SelectListItem($"{c.Title} ({c.Trust})", c.Id.ToString(Format.EnGb)))];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken, keepForm: true) is { } problem) return problem;
        if (!Form.TryApply(ModelState, Blueprint)) return Page();
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Blueprints/Edit", new { id });
    }

    public async Task<IActionResult> OnPostAddLessonAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } problem) return problem;
        // Only lessons offered are accepted: a draft, another area's or an unknown id typed into the form is refused.
        var choice = Choices.SingleOrDefault(c => c.Id.ToString(Format.EnGb) == LessonId);
        if (choice is null)
        {
            ModelState.AddModelError(nameof(LessonId), "Select a published lesson from the list");
            return Page();
        }
        BlueprintRules.Append(Blueprint, choice.Id);
        return await SavedAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int item, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } problem) return problem;
        return BlueprintRules.Remove(db, Blueprint, item) ? await SavedAsync(id, cancellationToken) : NotFound();
    }

    public async Task<IActionResult> OnPostMoveUpAsync(int id, int item, CancellationToken cancellationToken) => await MoveAsync(id, item, -1, cancellationToken);

    public async Task<IActionResult> OnPostMoveDownAsync(int id, int item, CancellationToken cancellationToken) => await MoveAsync(id, item, +1, cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } problem) return problem;
        var problems = BlueprintRules.PublishProblems(Blueprint);
        foreach (var message in problems) ModelState.AddModelError("Lessons", message);
        if (problems.Count > 0) return Page();
        Blueprint.Published = true;
        Blueprint.PublishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Blueprints/Blueprint", new { id });
    }

    private async Task<IActionResult> MoveAsync(int id, int item, int by, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } problem) return problem;
        return BlueprintRules.Move(Blueprint, item, by) ? await SavedAsync(id, cancellationToken) : NotFound();
    }

    private async Task<IActionResult> SavedAsync(int id, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Blueprints/Edit", null, new { id }, "Lessons");
    }

    /// Null when the lead may change the blueprint (now tracked); 404 for anyone else, 409 once it is published.
    /// The details form shows the stored values unless it is the form being posted.
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken, bool keepForm = false)
    {
        var found = await db.FindReadableBlueprintAsync(User, id, cancellationToken, tracked: true);
        if (found is null || !User.IsOwner(found)) return NotFound();
        if (found.Published) return StatusCode(StatusCodes.Status409Conflict);
        Blueprint = found;
        Choices = await db.LessonChoicesAsync(found, cancellationToken);
        if (!keepForm) Form = BlueprintForm.From(found);
        return null;
    }
}
