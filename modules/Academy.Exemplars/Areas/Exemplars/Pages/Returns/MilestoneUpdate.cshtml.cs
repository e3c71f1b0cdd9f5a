using Academy.Theme.Nhs.Forms;
using Academy.Exemplars.Data;
using Academy.Exemplars.Returns;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Returns;

/// A new forecast and status for one of the trust's milestones, applied to the milestone when the
/// return is submitted: added at /milestone-updates/new, changed or removed at /milestone-updates/{itemId}. Achieving a milestone is done on its own page, where the evidence is.
[Authorize(Policy = ExemplarAccess.TrackerPolicy)]
public sealed class MilestoneUpdateModel(ExemplarsDbContext db) : ReturnItemPage<MilestoneUpdate>(db, "milestone-updates")
{
    [BindProperty] public string? MilestoneId { get; set; }
    [BindProperty] public string? ForecastDate { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty, MaxChars(2000, "The comment")] public string? Comment { get; set; }
    public IReadOnlyList<SelectListItem> MilestoneOptions { get; private set; } = [];
    public static readonly IReadOnlyList<SelectListItem> StatusOptions =
        [new("Select a status", ""), .. new[] { MilestoneStatus.NotStarted, MilestoneStatus.OnTrack, MilestoneStatus.AtRisk, MilestoneStatus.Late }.Select(s => new SelectListItem(Format.Name(s), s.ToString()))];

    public async Task<IActionResult> OnGetAsync(int id, int? itemId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, itemId, cancellationToken) is { } problem) return problem;
        if (Existing is { } x) (MilestoneId, ForecastDate, Status, Comment) = (x.MilestoneId.ToString(Format.EnGb), Input.Iso(x.ForecastDate), x.Status.ToString(), x.Comment);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? itemId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, itemId, cancellationToken) is { } problem) return problem;
        // The milestone must be one of this participation's: an id from another trust is refused like any unknown value.
        var milestone = int.TryParse(MilestoneId, out var milestoneId)
            ? await Db.Milestones.AsNoTracking().SingleOrDefaultAsync(m => m.Id == milestoneId && m.ParticipationId == Return.ParticipationId, cancellationToken)
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

        var update = Existing ?? Db.MilestoneUpdates.Add(new MilestoneUpdate { ReturnId = id, ParticipationId = Return.ParticipationId }).Entity;
        (update.MilestoneId, update.ForecastDate, update.Status, update.Comment) = (milestone!.Id, forecast!.Value, status, Comment!.Trim());
        await Db.SaveChangesAsync(cancellationToken);
        return BackToReturn(id);
    }

    protected override async Task<IActionResult?> LoadAsync(int id, int? itemId, CancellationToken cancellationToken)
    {
        if (await base.LoadAsync(id, itemId, cancellationToken) is { } problem) return problem;
        var found = Return;
        MilestoneOptions = [new("Select a milestone", ""), .. await Db.Milestones.AsNoTracking()
            .Where(m => m.ParticipationId == found.ParticipationId && m.Status != MilestoneStatus.Achieved).OrderBy(m => m.BaselineDate)
            .Select(m => new SelectListItem(m.Title, m.Id.ToString())).ToListAsync(cancellationToken)];
        return null;
    }
}
