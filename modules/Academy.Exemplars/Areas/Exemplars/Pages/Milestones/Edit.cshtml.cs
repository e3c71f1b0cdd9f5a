using Academy.Theme.Nhs.Forms;
using Microsoft.AspNetCore.Http;
using Academy.Exemplars.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Milestones;

[Authorize(Policy = ExemplarAccess.TrackerPolicy)]
public sealed class EditMilestoneModel(ExemplarsDbContext db, TimeProvider clock) : PageModel, IMilestoneFormPage
{
    [BindProperty] public MilestoneForm Form { get; set; } = new();
    public Milestone Milestone { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Form = MilestoneForm.From(Milestone);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var validator = new MilestoneFormValidator<EditMilestoneModel>(Milestone.Participation.Programme, Milestone.Evidence.Count, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        await this.ThrowIfInvalidAsync(validator, cancellationToken, StatusCodes.Status200OK);
        Form.Apply(Milestone);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Milestones/Milestone", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var milestone = await db.Milestones.Include(m => m.Evidence).Include(m => m.Participation).ThenInclude(p => p.Programme)
            .Include(m => m.Participation).ThenInclude(p => p.Trust).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (milestone is null || !User.CanWrite(milestone.Participation.Trust)) return false;
        Milestone = milestone;
        return true;
    }
}
