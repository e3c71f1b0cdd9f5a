using Academy.Theme.Nhs.Forms;
using Microsoft.AspNetCore.Http;
using Academy.Exemplars.Data;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Blueprints;

/// A trust lead drafts a blueprint for one of their own trust's participations; lessons are added on the edit page.
[Authorize(Policy = Policies.TrustLead)]
public sealed class NewBlueprintModel(ExemplarsDbContext db) : PageModel, IBlueprintFormPage
{
    [BindProperty] public BlueprintForm Form { get; set; } = new();
    /// Asked only when the lead's trust is in more than one programme.
    [BindProperty] public string? ParticipationId { get; set; }
    public IReadOnlyList<Participation> Participations { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ParticipationOptions =>
        [new("Select a programme", ""), .. Participations.Select(p => new SelectListItem(p.Programme.Name, p.Id.ToString(Format.EnGb)))];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        Participation? owner = null;
        if (!string.IsNullOrEmpty(ParticipationId))
        {
            // Only the lead's own trust's participations are offered: any other id was not chosen from this form.
            owner = Participations.SingleOrDefault(p => p.Id.ToString(Format.EnGb) == ParticipationId);
            if (owner is null) return NotFound();
        }
        else if (Participations.Count == 1) owner = Participations[0];

        var blueprint = new Blueprint { Author = User.Email() };
        await this.ThrowIfInvalidAsync(new Validator(blueprint), cancellationToken, StatusCodes.Status200OK);
        Form.Apply(blueprint);
        blueprint.ParticipationId = owner!.Id;
        db.Blueprints.Add(blueprint);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Blueprints/Edit", new { id = blueprint.Id });
    }

    public sealed class Validator : AbstractValidator<NewBlueprintModel>
    {
        public Validator(Blueprint blueprint)
        {
            Include(new BlueprintFormValidator<NewBlueprintModel>(blueprint));
            // The programme is asked only when the lead's trust is in more than one.
            RuleFor(p => p.ParticipationId).Must((p, id) => !string.IsNullOrEmpty(id) || p.Participations.Count == 1)
                .WithMessage("Select the programme the blueprint is from");
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var ods = User.TrustOdsCode();
        Participations = await db.Participations.AsNoTracking().Include(p => p.Trust).Include(p => p.Programme)
            .Where(p => p.Trust.OdsCode == ods).OrderBy(p => p.Programme.StartDate).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        return Participations.Count > 0 && User.CanWrite(Participations[0].Trust);
    }
}
