using Academy.Exemplars.Data;

namespace Academy.Exemplars.Programmes;

public sealed record ReportingPeriod(DateOnly Start, DateOnly End, DateOnly Due)
{
    public string Name => $"{Format.Date(Start)} to {Format.Date(End)}";
}

public static class ReportingPeriods
{
    /// A return is due one month after its period ends.
    public const int MonthsToReport = 1;

    /// The programme's periods, back to back from its start (quarterly by default) to its end.
    public static IReadOnlyList<ReportingPeriod> For(Programme programme)
    {
        var periods = new List<ReportingPeriod>();
        for (var start = programme.StartDate; start <= programme.EndDate; start = start.AddMonths(programme.ReportingPeriodMonths))
        {
            var end = start.AddMonths(programme.ReportingPeriodMonths).AddDays(-1);
            if (end > programme.EndDate) end = programme.EndDate;
            periods.Add(new ReportingPeriod(start, end, end.AddMonths(MonthsToReport)));
        }
        return periods;
    }

    public static ReportingPeriod? Find(Programme programme, DateOnly start) => For(programme).FirstOrDefault(p => p.Start == start);
}
