using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Exemplars.Pages;

/// Every table of the tracker can be exported: a header and rows of text (CsvHelper 34).
public static class Csv
{
    public static string Write(string[] header, IEnumerable<string?[]> rows)
    {
        using var text = new StringWriter(Format.EnGb);
        using (var csv = CsvWriter.Create(text, null, leaveOpen: true))
        {
            csv.WriteHeader(header);
            foreach (var row in rows) csv.WriteRecord(row.Select(v => v ?? "").ToArray());
            csv.Flush();
        }
        return text.ToString();
    }

    public static FileContentResult File(string csv, string fileName) => new(Encoding.UTF8.GetBytes(csv), "text/csv") { FileDownloadName = fileName };

    public static string Amount(decimal pounds) => pounds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
