using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Web;

/// Every table the site exports as CSV (CsvHelper 34), written one way: UTF-8 with a byte-order mark (so Excel
/// reads accented names), and no cell a spreadsheet would run as a formula. A cell starting with =, +, -, @, a tab
/// or a carriage return (a title someone typed, like "=HYPERLINK(...)") gets a leading apostrophe, which Excel and
/// LibreOffice show as text (OWASP's advice on CSV injection); a number such as -250.00 is left as it is.
public static class CsvDownload
{
    public static string Write(string[] header, IEnumerable<string?[]> rows)
    {
        using var text = new StringWriter(CultureInfo.GetCultureInfo("en-GB"));
        using (var csv = CsvWriter.Create(text, null, leaveOpen: true))
        {
            csv.WriteHeader(header.Select(Cell).ToArray());
            foreach (var row in rows) csv.WriteRecord(row.Select(Cell).ToArray());
            csv.Flush();
        }
        return text.ToString();
    }

    public static FileContentResult File(string csv, string fileName) =>
        new([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "text/csv; charset=utf-8") { FileDownloadName = fileName };

    public static string Cell(string? value) =>
        string.IsNullOrEmpty(value) ? ""
        : value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) ? "'" + value
        : value;
}
