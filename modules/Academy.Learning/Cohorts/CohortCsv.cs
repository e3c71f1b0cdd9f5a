using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Learning.Cohorts;

/// The dashboard's tables as CSV (CsvHelper 34). A cell a spreadsheet would read as a formula (starting with =, +,
/// -, @, a tab or a carriage return: a name someone chose, like "=HYPERLINK(...)") is written with a leading
/// apostrophe, which Excel and LibreOffice show as text (OWASP's advice on CSV injection).
public static class CohortCsv
{
    public static string Write(string[] header, IEnumerable<string?[]> rows)
    {
        using var text = new StringWriter(CultureInfo.GetCultureInfo("en-GB"));
        using (var csv = CsvWriter.Create(text, null, leaveOpen: true))
        {
            csv.WriteHeader(header.Select(Safe).ToArray());
            foreach (var row in rows) csv.WriteRecord(row.Select(Safe).ToArray());
            csv.Flush();
        }
        return text.ToString();
    }

    public static string Safe(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public static FileContentResult File(string csv, string fileName) =>
        new(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8") { FileDownloadName = fileName };

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Date(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    public static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}
