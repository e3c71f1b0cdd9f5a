using Academy.Exemplars.Data;
using Academy.Exemplars.Tracking;

namespace Academy.Exemplars.Programmes;

/// A programme's rules that pages and jobs share.
public static class ProgrammeRules
{
    /// A programme that has ended is closed: nothing more is asked of its trusts (no reminders, nothing overdue).
    public static bool IsClosed(this Programme programme, DateOnly today) => today > programme.EndDate;

    /// How a period with no return (or a draft one) reads: "Not submitted" once the programme is closed,
    /// "Overdue" after its due date while the programme runs, otherwise "Not started".
    public static string MissingReturnLabel(Programme programme, ReportingPeriod period, DateOnly today) =>
        programme.IsClosed(today) ? "Not submitted" : period.Due < today ? "Overdue" : "Not started";
}
