using Academy.Exemplars.Data;

namespace Academy.Exemplars.Milestones;

public static class MilestoneRules
{
    /// A milestone's baseline and forecast dates are within its programme: neither before it starts. which: "baseline" or "forecast".
    public static string? DateProblem(Programme programme, DateOnly? date, string which) =>
        date < programme.StartDate ? $"The {which} date must be on or after the programme starts, {Format.Date(programme.StartDate)}" : null;

    /// A milestone forecast after its baseline date is at risk or late, never not started or on track.
    public static string? StatusProblem(MilestoneStatus status, DateOnly? forecast, DateOnly? baseline) =>
        forecast > baseline && status is MilestoneStatus.NotStarted or MilestoneStatus.OnTrack
            ? "A milestone forecast after its baseline date is at risk or late: select at risk or late" : null;

    /// An achieved milestone has its evidence: it cannot be marked achieved before a file is uploaded.
    public static string? AchievedProblem(int evidenceCount) => evidenceCount == 0 ? "Upload evidence before marking the milestone achieved" : null;

    /// Why a milestone is at risk or late, in words, or null when there is nothing to explain.
    public static string? Why(Milestone m, DateOnly today)
    {
        if (m.Status == MilestoneStatus.Achieved) return null;
        if (m.ForecastDate > m.BaselineDate)
            return $"The forecast date, {Format.Date(m.ForecastDate)}, is {m.ForecastDate.DayNumber - m.BaselineDate.DayNumber} days after the baseline date, {Format.Date(m.BaselineDate)}.";
        if (m.Status == MilestoneStatus.Late && today > m.BaselineDate)
            return $"The baseline date, {Format.Date(m.BaselineDate)}, has passed and the milestone is not achieved.";
        return null;
    }
}
