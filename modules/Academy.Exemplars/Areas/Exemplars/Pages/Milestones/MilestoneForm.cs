using Academy.Theme.Nhs.Forms;
using Academy.Exemplars.Data;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Academy.Exemplars.Pages.Milestones;

/// The fields of a milestone as typed (checked by MilestoneFormValidator), shared by a new milestone and a changed one.
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

    /// Copies the values into the milestone; call it once MilestoneFormValidator has passed, so that nothing is half-written.
    public void Apply(Milestone milestone)
    {
        milestone.CapabilityArea = Enum.Parse<CapabilityArea>(CapabilityArea!);
        milestone.Title = Title!.Trim();
        milestone.Description = Description?.Trim() ?? "";
        milestone.BaselineDate = Baseline!.Value;
        milestone.ForecastDate = Forecast!.Value;
        milestone.ActualDate = Actual;
        milestone.Status = Enum.Parse<MilestoneStatus>(Status!);
    }

    internal DateOnly? Baseline => Input.ParseDate(BaselineDate, "the baseline date").Date;
    internal DateOnly? Forecast => Input.ParseDate(ForecastDate, "the forecast date").Date;
    internal DateOnly? Actual => Input.ParseDate(ActualDate, "the date achieved", required: false).Date;
}
