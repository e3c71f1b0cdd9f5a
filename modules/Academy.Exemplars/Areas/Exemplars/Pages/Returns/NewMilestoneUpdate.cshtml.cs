using Academy.Theme.Nhs.Forms;
using Academy.Exemplars.Data;
using Academy.Exemplars.Tracking;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Returns;

/// A new forecast and status for one of the trust's milestones, applied to the milestone when the
/// return is submitted. Achieving a milestone is done on its own page, where the evidence is.
[Authorize(Roles = ExemplarAccess.TrackerRoles)]
public sealed class NewMilestoneUpdateModel(ExemplarsDbContext db) : PageModel
{
    [BindProperty] public string? MilestoneId { get; set; }
    [BindProperty] public string? ForecastDate { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty, MaxChars(2000, "The comment")] public string? Comment { get; set; }
    public ProgressReturn Return { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> MilestoneOptions { get; private set; } = [];
    public static readonly IReadOnlyList<SelectListItem> StatusOptions =
        [new("Select a status", ""), .. new[] { MilestoneStatus.NotStarted, MilestoneStatus.OnTrack, MilestoneStatus.AtRisk, MilestoneStatus.Late }.Select(s => new SelectListItem(Format.Name(s), s.ToString()))];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } problem) return problem;
        // The milestone must be one of this participation's: an id from another trust is refused like any unknown value.
        var milestone = int.TryParse(MilestoneId, out var milestoneId)
            ? await db.Milestones.AsNoTracking().SingleOrDefaultAsync(m => m.Id == milestoneId && m.ParticipationId == Return.ParticipationId, cancellationToken)
            : null;
        if (milestone is null) ModelState.AddModelError(nameof(MilestoneId), "Select a milestone from the list");
        else if (milestone.Status == MilestoneStatus.Achieved) ModelState.AddModelError(nameof(MilestoneId), "This milestone is already achieved: select another");
        var forecast = Input.Date(ModelState, nameof(ForecastDate), ForecastDate, "the forecast date");
        if (forecast < Return.Participation.Programme.StartDate)
            ModelState.AddModelError(nameof(ForecastDate), $"The forecast date must be on or after the programme starts, {Format.Date(Return.Participation.Programme.StartDate)}");
        var statusOk = Enum.TryParse<MilestoneStatus>(Status, out var status) && status != MilestoneStatus.Achieved && Enum.IsDefined(status);
        if (!statusOk) ModelState.AddModelError(nameof(Status), "Select a status");
        else if (milestone is not null && forecast > milestone.BaselineDate && status is MilestoneStatus.NotStarted or MilestoneStatus.OnTrack)
            ModelState.AddModelError(nameof(Status), "A milestone forecast after its baseline date is at risk or late: select at risk or late");
        if (string.IsNullOrWhiteSpace(Comment)) ModelState.AddModelError(nameof(Comment), "Enter a comment on progress");
        if (!ModelState.IsValid) return Page();

        db.MilestoneUpdates.Add(new MilestoneUpdate
        {
            ReturnId = id, ParticipationId = Return.ParticipationId, MilestoneId = milestone!.Id, ForecastDate = forecast!.Value, Status = status, Comment = Comment!.Trim(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/exemplars/returns/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.FindReadableAsync(User, id, cancellationToken, tracked: true);
        if (found is null || !User.CanWrite(found.Participation.Trust)) return NotFound();
        if (!found.IsEditable()) return StatusCode(409);
        Return = found;
        MilestoneOptions = [new("Select a milestone", ""), .. await db.Milestones.AsNoTracking()
            .Where(m => m.ParticipationId == found.ParticipationId && m.Status != MilestoneStatus.Achieved).OrderBy(m => m.BaselineDate)
            .Select(m => new SelectListItem(m.Title, m.Id.ToString())).ToListAsync(cancellationToken)];
        return null;
    }
}
