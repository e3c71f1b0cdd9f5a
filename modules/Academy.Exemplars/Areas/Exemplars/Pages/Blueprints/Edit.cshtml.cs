using Academy.Theme.Nhs.Forms;
using Academy.Exemplars.Blueprints;
using Academy.Exemplars.Data;
using FluentValidation;
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
        await this.ThrowIfInvalidAsync(new BlueprintFormValidator<EditBlueprintModel>(Blueprint), cancellationToken, StatusCodes.Status200OK);
        Form.Apply(Blueprint);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Blueprints/Edit", new { id });
    }

    public async Task<IActionResult> OnPostAddLessonAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } problem) return problem;
        await this.ThrowIfInvalidAsync(new AddLessonValidator(), cancellationToken, StatusCodes.Status200OK);
        BlueprintRules.Append(Blueprint, Choice!.Id);
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
        // Not a form's input but the blueprint's state, one message per lesson to remove, all on the lessons list:
        // the page shows every one (a validator's one message per field would keep the first only).
        var problems = BlueprintRules.PublishProblems(Blueprint);
        foreach (var message in problems) ModelState.AddModelError("Lessons", message);
        if (problems.Count > 0) return Page();
        Blueprint.Published = true;
        Blueprint.PublishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Blueprints/Blueprint", new { id });
    }

    /// The lesson posted, when it is one of Choices.
    private LessonChoice? Choice => Choices.SingleOrDefault(c => c.Id.ToString(Format.EnGb) == LessonId);

    public sealed class AddLessonValidator : AbstractValidator<EditBlueprintModel>
    {
        // Only lessons offered are accepted: a draft, another area's or an unknown id typed into the form is refused.
        public AddLessonValidator() => RuleFor(p => p.Choice).NotNull().WithMessage("Select a published lesson from the list").OverridePropertyName(nameof(LessonId));
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
