namespace Academy.Exemplars.Pages;

/// How the tracker's exports write amounts and dates (the file itself: Academy.Web.CsvDownload).
public static class Csv
{
    public static string Amount(decimal pounds) => pounds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
