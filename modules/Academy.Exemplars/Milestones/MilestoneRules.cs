using Academy.Exemplars.Data;

namespace Academy.Exemplars.Milestones;

public static class MilestoneRules
{
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
