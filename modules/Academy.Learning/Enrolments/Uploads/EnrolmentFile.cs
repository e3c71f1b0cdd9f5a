using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;

namespace Academy.Learning.Enrolments.Uploads;

/// Reads an uploaded file of enrolments into rows of text, whatever saved it: a CSV in UTF-8 with or without a
/// byte-order mark, in UTF-16 (Excel's "Unicode text") or in Windows-1252 (Excel's plain "CSV" on a UK PC, where
/// "José" is one byte é); or an Excel workbook (.xlsx, its first worksheet). The kind is told from the bytes, not
/// the name. The first row is a header when it names the columns (a cell "email"); then columns are found by name,
/// otherwise they are email, course, due date in that order.
public static class EnrolmentFile
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 20_000;
    /// Longer cells are cut to this for checking and showing (no email, slug or title is longer).
    public const int MaxCellChars = 300;

    /// DueDate: the cell was a date in the workbook (an .xlsx date or serial number), so Due need not be parsed.
    public sealed record Row(int Line, string Email, string Course, string Due, DateOnly? DueDate);

    /// Rows, or the one reason the file as a whole cannot be read (said beside the upload field).
    public sealed record Result(IReadOnlyList<Row> Rows, string? Problem)
    {
        public static Result Fail(string problem) => new([], problem);
    }

    static EnrolmentFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Result Read(byte[] bytes)
    {
        if (bytes.Length == 0) return Result.Fail("The selected file is empty");
        if (bytes.Length > MaxBytes) return Result.Fail(TooLarge);
        if (bytes.AsSpan().StartsWith("PK\u0003\u0004"u8)) return ReadWorkbook(bytes);
        if (bytes.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 })) return Result.Fail("The selected file is an old Excel 97-2003 workbook (.xls): save it as an Excel workbook (.xlsx) or CSV");
        return ReadCsv(Decode(bytes));
    }

    public static string TooLarge => $"The selected file must be smaller than {MaxBytes / 1024 / 1024}MB";

    /// A byte-order mark says the encoding; without one the text is UTF-8 if it is valid UTF-8, else Windows-1252.
    public static string Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble)) return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        if (bytes.AsSpan().StartsWith(Encoding.Unicode.Preamble)) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.AsSpan().StartsWith(Encoding.BigEndianUnicode.Preamble)) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    private static Result ReadCsv(string text)
    {
        // Text files hold no control characters but tabs and line ends; anything else is not a CSV (an image, a PDF).
        if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
            return Result.Fail("The selected file is not a CSV file or an Excel workbook");
        var cells = new List<Cells>();
        try
        {
            using var csv = CsvReader.Create(new StringReader(text), new CsvReaderOptions { HasHeader = false, TrackLineNumbers = true }, leaveOpen: false);
            while (csv.Read())
            {
                if (cells.Count > MaxRows) return Result.Fail(TooManyRows);
                var row = new string[Math.Min(csv.FieldCount, 20)];
                for (var i = 0; i < row.Length; i++) row[i] = Cut(csv.GetString(i));
                cells.Add(new Cells((int)csv.LineNumber, row, null));
            }
        }
        catch (CsvFormatException e)
        {
            return Result.Fail($"The file could not be read as CSV: {e.Message}");
        }
        return FromCells(cells);
    }

    private static Result ReadWorkbook(byte[] bytes)
    {
        var cells = new List<Cells>();
        try
        {
            using var workbook = new XLWorkbook(new MemoryStream(bytes));
            var sheet = workbook.Worksheets.FirstOrDefault();
            if (sheet is null) return Result.Fail(NoRows);
            if ((sheet.LastRowUsed()?.RowNumber() ?? 0) > MaxRows + 1) return Result.Fail(TooManyRows);
            foreach (var row in sheet.RowsUsed())
            {
                var line = row.RowNumber();
                var width = Math.Min(row.LastCellUsed()?.Address.ColumnNumber ?? 0, 20);
                var (values, dates) = (new string[width], new DateOnly?[width]);
                for (var i = 0; i < width; i++)
                {
                    var cell = row.Cell(i + 1);
                    values[i] = Cut(cell.DataType switch
                    {
                        XLDataType.DateTime => cell.GetDateTime().ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                        XLDataType.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
                        _ => cell.GetFormattedString(),
                    });
                    dates[i] = WorkbookDate(cell);
                }
                cells.Add(new Cells(line, values, dates));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A damaged or disguised file fails in many ways inside the Open XML reader; each means the same to the person.
            return Result.Fail("The selected file is not an Excel workbook that can be read: save it again from Excel as .xlsx or CSV");
        }
        return FromCells(cells);
    }

    /// Excel keeps a date as a serial number of days (1 is 1 January 1900); ClosedXML shows it as a DateTime when the
    /// cell has a date format, and as a plain number when the format was lost.
    private static DateOnly? WorkbookDate(IXLCell cell)
    {
        if (cell.DataType == XLDataType.DateTime) return DateOnly.FromDateTime(cell.GetDateTime());
        if (cell.DataType == XLDataType.Number && cell.GetDouble() is var serial && serial >= 1 && serial < 2958466)
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        return null;
    }

    /// One row as read: its line, its cells' text, and (workbooks) the date each cell holds, if it holds one.
    private sealed record Cells(int Line, string[] Text, DateOnly?[]? Dates);

    private static Result FromCells(List<Cells> cells)
    {
        cells.RemoveAll(r => r.Text.All(string.IsNullOrWhiteSpace));
        if (cells.Count == 0) return Result.Fail(NoRows);
        var (email, course, dueAt) = (0, 1, 2);
        var header = cells[0].Text.Select(c => c.Trim().ToLowerInvariant()).ToArray();
        if (IsHeader(header))
        {
            email = Array.FindIndex(header, h => h.Contains("mail", StringComparison.Ordinal));
            course = Array.FindIndex(header, h => h.Contains("course", StringComparison.Ordinal));
            dueAt = Array.FindIndex(header, h => h.Contains("due", StringComparison.Ordinal) || h.Contains("date", StringComparison.Ordinal));
            if (course < 0) return Result.Fail("The file's first row names its columns but none is 'course'");
            cells.RemoveAt(0);
            if (cells.Count == 0) return Result.Fail(NoRows);
        }
        if (cells.Count > MaxRows) return Result.Fail(TooManyRows);
        static string At(string[] row, int i) => i >= 0 && i < row.Length ? row[i].Trim() : "";
        return new Result(cells.Select(r => new Row(r.Line, At(r.Text, email), At(r.Text, course), At(r.Text, dueAt),
            r.Dates is { } dates && dueAt >= 0 && dueAt < dates.Length ? dates[dueAt] : null)).ToList(), null);
    }

    /// The first row names the columns when no cell is an address and one says "email" (Email, E-mail, Email address).
    private static bool IsHeader(string[] cells) =>
        !cells.Any(c => c.Contains('@')) && cells.Any(c => c.Contains("mail", StringComparison.Ordinal));

    private static string Cut(string value) => value.Length > MaxCellChars ? value[..MaxCellChars] : value;

    private const string NoRows = "The selected file has no enrolments in it";
    private static string TooManyRows => $"The selected file has more than {MaxRows:N0} rows: split it into smaller files";
}
