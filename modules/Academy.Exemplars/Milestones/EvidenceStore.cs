using Academy.Data;

namespace Academy.Exemplars.Milestones;

/// Evidence files on disk under the data folder (evidence/{milestone id}/{random name}), never under
/// wwwroot: they are served only through the milestone's page, to people allowed to see it.
public sealed class EvidenceStore(AcademyDatabase database)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    /// The largest upload request read (to a temporary file) so that an oversized file gets its message beside the field.
    public const long UploadRequestLimit = 64 * 1024 * 1024;

    /// The types accepted, with the bytes each must start with (null: text, which must hold no NUL byte).
    public static readonly IReadOnlyDictionary<string, (string ContentType, byte[]? Magic)> Types = new Dictionary<string, (string, byte[]?)>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", "%PDF"u8.ToArray()),
        [".png"] = ("image/png", [0x89, 0x50, 0x4E, 0x47]),
        [".jpg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".jpeg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"u8.ToArray()),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK"u8.ToArray()),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PK"u8.ToArray()),
        [".csv"] = ("text/csv", null),
        [".txt"] = ("text/plain", null),
    };

    public const string Accept = ".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.csv,.txt";

    /// Null when the file is acceptable, otherwise the message to show beside the field.
    public static async Task<string?> CheckAsync(Stream content, string fileName, long length, CancellationToken cancellationToken)
    {
        if (length == 0) return "The selected file is empty";
        if (length > MaxBytes) return "The file must be smaller than 10MB";
        if (!Types.TryGetValue(Path.GetExtension(fileName), out var type))
            return "The selected file must be a PDF, Word, Excel, PowerPoint, PNG, JPEG, CSV or text file";
        var head = new byte[Math.Min(4096, length)];
        await content.ReadExactlyAsync(head, cancellationToken);
        var ok = type.Magic is { } magic ? head.AsSpan().StartsWith(magic) : !head.Contains((byte)0);
        return ok ? null : "The content of the selected file does not match its type";
    }

    /// The name a file is stored and downloaded under: the last path segment of what the browser sent, without
    /// control characters (a CR/LF in a Content-Disposition header fails the download), quotes, or format characters
    /// such as a right-to-left override (which makes "report\u202Efdp.exe" read as "reportexe.pdf").
    public static string SafeFileName(string sent)
    {
        var name = new string(Path.GetFileName(sent.Replace('\\', '/'))
            .Where(c => !char.IsControl(c) && c != '"' && char.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)).ToArray()).Trim();
        return name.Length is > 0 and <= 255 ? name : "evidence" + Path.GetExtension(name);
    }

    public string PathOf(int milestoneId, string storedName) => database.PathInDataFolder("evidence", milestoneId.ToString(System.Globalization.CultureInfo.InvariantCulture), storedName);

    public async Task<string> SaveAsync(int milestoneId, Stream content, CancellationToken cancellationToken)
    {
        var storedName = Guid.NewGuid().ToString("N");
        var path = PathOf(milestoneId, storedName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = File.Create(path);
        await content.CopyToAsync(file, cancellationToken);
        return storedName;
    }

    public void Delete(int milestoneId, string storedName)
    {
        var path = PathOf(milestoneId, storedName);
        if (File.Exists(path)) File.Delete(path);
    }
}
