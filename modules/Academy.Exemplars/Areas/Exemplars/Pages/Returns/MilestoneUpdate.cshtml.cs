using Academy.Theme.Nhs.Forms;
using Academy.Exemplars.Data;
using Academy.Exemplars.Milestones;
using Academy.Exemplars.Returns;
using FluentValidation;
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
        Chosen = int.TryParse(MilestoneId, out var milestoneId)
            ? await Db.Milestones.AsNoTracking().SingleOrDefaultAsync(m => m.Id == milestoneId && m.ParticipationId == Return.ParticipationId, cancellationToken)
            : null;
        await this.ThrowIfInvalidAsync(new Validator(), cancellationToken);

        var update = Existing ?? Db.MilestoneUpdates.Add(new MilestoneUpdate { ReturnId = id, ParticipationId = Return.ParticipationId }).Entity;
        (update.MilestoneId, update.ForecastDate, update.Status, update.Comment) = (Chosen!.Id, Forecast!.Value, Enum.Parse<MilestoneStatus>(Status!), Comment!.Trim());
        await Db.SaveChangesAsync(cancellationToken);
        return BackToReturn(id);
    }

    /// The milestone posted, when it is one of this participation's.
    private Milestone? Chosen { get; set; }

    private DateOnly? Forecast => Input.ParseDate(ForecastDate, "the forecast date").Date;

    public sealed class Validator : AbstractValidator<MilestoneUpdateModel>
    {
        public Validator()
        {
            RuleFor(p => p.MilestoneId).Custom((_, context) =>
            {
                var chosen = context.InstanceToValidate.Chosen;
                if (chosen is null) context.AddFailure("Select a milestone from the list");
                else if (chosen.Status == MilestoneStatus.Achieved) context.AddFailure("This milestone is already achieved: select another");
            });
            RuleFor(p => p.ForecastDate).Custom((text, context) =>
            {
                var (forecast, problem) = Input.ParseDate(text, "the forecast date");
                if ((problem ?? MilestoneRules.DateProblem(context.InstanceToValidate.Return.Participation.Programme, forecast, "forecast")) is { } message)
                    context.AddFailure(message);
            });
            RuleFor(p => p.Status).Custom((text, context) =>
            {
                var page = context.InstanceToValidate;
                if (!Enum.TryParse<MilestoneStatus>(text, out var status) || status == MilestoneStatus.Achieved || !Enum.IsDefined(status)) context.AddFailure("Select a status");
                else if (page.Chosen is { } chosen && MilestoneRules.StatusProblem(status, page.Forecast, chosen.BaselineDate) is { } message) context.AddFailure(message);
            });
            RuleFor(p => p.Comment).NotEmpty().WithMessage("Enter a comment on progress");
        }
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
