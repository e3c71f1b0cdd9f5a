using System.Security.Cryptography;
using Academy.Data;
using Microsoft.Extensions.Configuration;

namespace Academy.Learning.Courses;

/// Lesson media (videos and their WebVTT captions) on disk under the data folder (learning-media/), never under
/// wwwroot: they are served only through the lesson's media pages, to people allowed to see the lesson.
/// A file is stored under the SHA-256 of its bytes, so storing the same file twice (a recipe loaded again,
/// the same upload) writes nothing new. Files no lesson names any more are left behind (a cleaner is future work).
public sealed class MediaStore(AcademyDatabase database, IConfiguration configuration)
{
    /// The largest video a form accepts and a request may carry: a few minutes of 720p. Academy:Learning:MaxVideoMegabytes lowers it.
    public const long VideoRequestLimitBytes = 200L * 1024 * 1024;

    public long MaxVideoBytes { get; } = Math.Min(VideoRequestLimitBytes,
        configuration.GetValue<long?>("Academy:Learning:MaxVideoMegabytes") is { } mb and > 0 ? mb * 1024 * 1024 : VideoRequestLimitBytes);
    public const long MaxCaptionsBytes = 1024 * 1024;
    public const string VideoAccept = ".mp4,.webm,video/mp4,video/webm";
    public const string CaptionsAccept = ".vtt,text/vtt";

    private static readonly Dictionary<string, string> VideoTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".mp4"] = "video/mp4",
        [".webm"] = "video/webm",
    };

    public string Folder => database.PathInDataFolder("learning-media");

    /// Null when the file is acceptable as a lesson video, otherwise the reason (as a form shows it beside the field).
    public string? CheckVideo(string fileName, ReadOnlySpan<byte> head, long length)
    {
        if (length == 0) return "The selected video is empty";
        if (length > MaxVideoBytes) return $"The selected video must be smaller than {MaxVideoBytes / 1024 / 1024}MB";
        if (!VideoTypes.TryGetValue(Path.GetExtension(fileName), out var type)) return "The selected video must be an MP4 or WebM file";
        // MP4 (ISO base media): a box whose type is "ftyp" first. WebM (Matroska): the EBML magic number.
        var ok = type == "video/mp4"
            ? head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8)
            : head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]);
        return ok ? null : "The content of the selected video does not match its type";
    }

    public static string VideoContentType(string fileName) => VideoTypes[Path.GetExtension(fileName)];

    /// Null when the file is WebVTT captions, otherwise the reason.
    public static string? CheckCaptions(string fileName, ReadOnlySpan<byte> head, long length)
    {
        if (length == 0) return "The selected captions file is empty";
        if (length > MaxCaptionsBytes) return $"The selected captions file must be smaller than {MaxCaptionsBytes / 1024}KB";
        if (!string.Equals(Path.GetExtension(fileName), ".vtt", StringComparison.OrdinalIgnoreCase)) return "The selected captions file must be a WebVTT (.vtt) file";
        var text = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head;
        return text.StartsWith("WEBVTT"u8) && !text.Contains((byte)0) ? null : "The selected captions file must start with WEBVTT";
    }

    public string PathOf(string storedName)
    {
        // Stored names are ours (hex + extension); anything else never reaches the disk.
        if (storedName.Length > 100 || storedName.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '.')) || storedName.StartsWith('.'))
            throw new ArgumentException("Not a stored media name.", nameof(storedName));
        return Path.Combine(Folder, storedName);
    }

    /// Stores the content under its hash; returns the stored name.
    public async Task<string> SaveAsync(Stream content, string extension, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var temporary = Path.Combine(Folder, "upload-" + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            string hash;
            await using (var file = File.Create(temporary))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            var storedName = hash[..40] + extension.ToLowerInvariant();
            var path = PathOf(storedName);
            if (File.Exists(path)) File.Delete(temporary);
            else File.Move(temporary, path);
            return storedName;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
