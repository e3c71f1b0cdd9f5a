using System.Globalization;

namespace Academy.Learning;

/// Dates as learners read them, for pages and for services that write sentences (a cohort member's timeline).
public static class LearningFormat
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// On UK time, as certificates show their dates.
    public static string Date(DateTimeOffset at) => Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, UkTime).DateTime));
}
