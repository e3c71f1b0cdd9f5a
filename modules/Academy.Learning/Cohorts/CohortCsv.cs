using System.Globalization;

namespace Academy.Learning.Cohorts;

/// How the dashboard's exports write dates and numbers (the file itself: Academy.Web.CsvDownload).
public static class CohortCsv
{
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Date(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    public static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}
