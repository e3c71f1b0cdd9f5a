using Academy.Theme.Nhs.Forms;
using Academy.Exemplars.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Academy.Exemplars.Pages.Milestones;

/// The fields of a milestone as typed, and the rules that turn them into a milestone.
public sealed class MilestoneForm
{
    public string? CapabilityArea { get; set; }
    [MaxChars(200, "Title")] public string? Title { get; set; }
    [MaxChars(4000, "Description")] public string? Description { get; set; }
    public string? BaselineDate { get; set; }
    public string? ForecastDate { get; set; }
    public string? ActualDate { get; set; }
    public string? Status { get; set; }

    public static IReadOnlyList<SelectListItem> AreaOptions { get; } =
        [new("Select a capability area", ""), .. Enum.GetValues<CapabilityArea>().Select(a => new SelectListItem(Format.Name(a), a.ToString()))];

    public static IReadOnlyList<SelectListItem> StatusOptions { get; } =
        Enum.GetValues<MilestoneStatus>().Select(s => new SelectListItem(Format.Name(s), s.ToString())).ToList();

    public static MilestoneForm From(Milestone m) => new()
    {
        CapabilityArea = m.CapabilityArea.ToString(), Title = m.Title, Description = m.Description,
        BaselineDate = Input.Iso(m.BaselineDate), ForecastDate = Input.Iso(m.ForecastDate), ActualDate = Input.Iso(m.ActualDate), Status = m.Status.ToString(),
    };

    /// Checks every rule, adding errors in the order the form shows its fields; copies the values into
    /// the milestone only when all pass, so that nothing is half-written.
    public bool TryApply(ModelStateDictionary state, Milestone milestone, Programme programme, int evidenceCount, DateOnly today)
    {
        const string p = "Form.";
        var areaOk = Enum.TryParse<CapabilityArea>(CapabilityArea, out var area) && Enum.IsDefined(area);
        if (!areaOk) state.AddModelError(p + nameof(CapabilityArea), "Select a capability area");
        if (string.IsNullOrWhiteSpace(Title)) state.AddModelError(p + nameof(Title), "Enter a title");

        var baseline = Input.Date(state, p + nameof(BaselineDate), BaselineDate, "the baseline date");
        if (baseline < programme.StartDate)
            state.AddModelError(p + nameof(BaselineDate), $"The baseline date must be on or after the programme starts, {Format.Date(programme.StartDate)}");
        var forecast = Input.Date(state, p + nameof(ForecastDate), ForecastDate, "the forecast date");
        if (forecast < programme.StartDate)
            state.AddModelError(p + nameof(ForecastDate), $"The forecast date must be on or after the programme starts, {Format.Date(programme.StartDate)}");
        var actual = Input.Date(state, p + nameof(ActualDate), ActualDate, "the date achieved", required: false);
        if (actual > today) state.AddModelError(p + nameof(ActualDate), "The date achieved must be today or in the past");

        var statusOk = Enum.TryParse<MilestoneStatus>(Status, out var status) && Enum.IsDefined(status);
        if (!statusOk) state.AddModelError(p + nameof(Status), "Select a status");
        else if (status == MilestoneStatus.Achieved)
        {
            if (actual is null && state.GetFieldValidationState(p + nameof(ActualDate)) != ModelValidationState.Invalid)
                state.AddModelError(p + nameof(ActualDate), "Enter the date the milestone was achieved");
            if (evidenceCount == 0)
                state.AddModelError(p + nameof(Status), "Upload evidence before marking the milestone achieved");
        }
        else
        {
            if (actual is not null)
                state.AddModelError(p + nameof(ActualDate), "Remove the date achieved, or mark the milestone achieved");
            if (forecast > baseline && status is MilestoneStatus.NotStarted or MilestoneStatus.OnTrack)
                state.AddModelError(p + nameof(Status), "A milestone forecast after its baseline date is at risk or late: select at risk or late");
        }

        if (!state.IsValid) return false;
        milestone.CapabilityArea = area;
        milestone.Title = Title!.Trim();
        milestone.Description = Description?.Trim() ?? "";
        milestone.BaselineDate = baseline!.Value;
        milestone.ForecastDate = forecast!.Value;
        milestone.ActualDate = actual;
        milestone.Status = status;
        return true;
    }
}
