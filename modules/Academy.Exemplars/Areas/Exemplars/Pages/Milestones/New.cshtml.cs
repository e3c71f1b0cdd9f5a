using Academy.Theme.Nhs.Forms;
using Microsoft.AspNetCore.Http;
using Academy.Exemplars.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Milestones;

public interface IMilestoneFormPage
{
    MilestoneForm Form { get; }
}

[Authorize(Policy = ExemplarAccess.TrackerPolicy)]
public sealed class NewMilestoneModel(ExemplarsDbContext db, TimeProvider clock) : PageModel, IMilestoneFormPage
{
    [BindProperty] public MilestoneForm Form { get; set; } = new() { Status = nameof(MilestoneStatus.NotStarted) };
    public Participation Participation { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int participationId, CancellationToken cancellationToken) =>
        await LoadAsync(participationId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int participationId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(participationId, cancellationToken)) return NotFound();
        var milestone = new Milestone { ParticipationId = participationId };
        var validator = new MilestoneFormValidator<NewMilestoneModel>(Participation.Programme, evidenceCount: 0, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        await this.ThrowIfInvalidAsync(validator, cancellationToken, StatusCodes.Status200OK);
        Form.Apply(milestone);
        db.Milestones.Add(milestone);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Milestones/Milestone", new { id = milestone.Id });
    }

    private async Task<bool> LoadAsync(int participationId, CancellationToken cancellationToken)
    {
        var participation = await db.Participations.AsNoTracking().Include(p => p.Programme).Include(p => p.Trust)
            .SingleOrDefaultAsync(p => p.Id == participationId, cancellationToken);
        if (participation is null || !User.CanWrite(participation.Trust)) return false;
        Participation = participation;
        return true;
    }
}
