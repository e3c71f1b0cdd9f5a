using System.IO.Compression;
using Academy.Data;
using Microsoft.Extensions.Configuration;

namespace Academy.Learning.Packages;

/// Package files on disk under the data folder (learning-packages/), each package in a folder of its own with a random
/// name, never under wwwroot. Uploads are streamed to a temporary file here first (never held whole in memory); a zip
/// is checked entry by entry before anything is extracted: no absolute paths, no "..", no symbolic links, no entry
/// that would land outside its own folder, and a bound on what it expands to (a zip bomb is refused, not unpacked).
public sealed class PackageStore(AcademyDatabase database, IConfiguration configuration)
{
    /// What any request may carry; Academy:Learning:MaxPackageMegabytes lowers the limit a form accepts.
    public const long RequestLimitBytes = 2L * 1024 * 1024 * 1024;
    public const int MaxEntries = 100_000;

    public long MaxPackageBytes { get; } = Math.Min(RequestLimitBytes,
        configuration.GetValue<long?>("Academy:Learning:MaxPackageMegabytes") is { } mb and > 0 ? mb * 1024 * 1024 : 1024L * 1024 * 1024);

    /// A package may expand to at most this much (Academy:Learning:MaxPackageExpandedMegabytes; 4 times the upload limit by default).
    public long MaxExpandedBytes { get; } = configuration.GetValue<long?>("Academy:Learning:MaxPackageExpandedMegabytes") is { } mb and > 0
        ? mb * 1024 * 1024 : 4 * Math.Min(RequestLimitBytes,
            configuration.GetValue<long?>("Academy:Learning:MaxPackageMegabytes") is { } m and > 0 ? m * 1024 * 1024 : 1024L * 1024 * 1024);

    public string Root => database.PathInDataFolder("learning-packages");

    /// Academy:Learning:PackageContentHost: a host name of its own for package content (for example
    /// content.academy.example.nhs.uk, pointing at the same site). When set, units are launched from that host, whose
    /// origin (and cookies) are not Academy's, and their pages may then keep an origin of their own (allow-same-origin),
    /// which most authoring tools' players need; without it, content runs in an opaque origin. A different host, not
    /// just a different port: cookies are shared across ports.
    public string? ContentHost { get; } = configuration["Academy:Learning:PackageContentHost"] is { Length: > 0 } host ? host.Trim().ToLowerInvariant() : null;

    /// The folder of one package; its name is ours (32 hex digits), anything else never reaches the disk.
    public string FolderOf(string folder)
    {
        if (folder.Length != 32 || !folder.All(char.IsAsciiHexDigitLower)) throw new ArgumentException("Not a package folder name.", nameof(folder));
        return Path.Combine(Root, folder);
    }

    /// Streams an upload to a temporary file of its own; the caller deletes it (<see cref="Discard"/>).
    public async Task<string> SaveUploadAsync(Stream content, CancellationToken cancellationToken)
    {
        var uploads = Path.Combine(Root, ".uploads");
        Directory.CreateDirectory(uploads);
        var path = Path.Combine(uploads, Guid.NewGuid().ToString("N") + ".tmp");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, 81920, cancellationToken);
        return path;
    }

    /// The full path of a saved upload by the name <see cref="SaveUploadAsync"/> gave it (a name of ours; anything else is refused).
    public string UploadPath(string name)
    {
        if (name.Length != 36 || !name.EndsWith(".tmp", StringComparison.Ordinal) || !name[..32].All(char.IsAsciiHexDigitLower))
            throw new ArgumentException("Not an upload name.", nameof(name));
        return Path.Combine(Root, ".uploads", name);
    }

    public static void Discard(string path)
    {
        if (File.Exists(path)) File.Delete(path);
    }

    public void DeleteFolder(string folder)
    {
        var path = FolderOf(folder);
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }

    /// Null when every entry may be extracted, otherwise the reason for the first that may not. names: the files, by their
    /// path inside the package ("/"-separated, as the course structure's relative URLs name them).
    public string? CheckEntries(ZipArchive zip, out HashSet<string> names)
    {
        names = new HashSet<string>(StringComparer.Ordinal);
        if (zip.Entries.Count > MaxEntries) return $"The zip file has more than {MaxEntries:N0} entries";
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            if (name.Length == 0 || name.Contains('\0')) return "The zip file has an entry without a usable name";
            // Unix symbolic links: the file type in the high 16 bits of the external attributes.
            if (((entry.ExternalAttributes >> 16) & 0xF000) == 0xA000) return $"The zip file holds a symbolic link ({Shown(name)}), which Academy does not accept";
            if (name.StartsWith('/') || name.StartsWith('\\') || (name.Length > 1 && name[1] == ':'))
                return $"The zip file has an entry with an absolute path ({Shown(name)})";
            var parts = name.Split('/', '\\');
            if (parts.Any(p => p == ".." || p.Contains(':'))) return $"The zip file has an entry that points outside the package ({Shown(name)})";
            total += entry.Length;
            if (entry.Length < 0 || total > MaxExpandedBytes) return $"The zip file expands to more than {MaxExpandedBytes / 1024 / 1024:N0}MB";
            if (!name.EndsWith('/') && !name.EndsWith('\\')) names.Add(name.Replace('\\', '/'));
        }
        return null;
    }

    /// Extracts a checked zip into a new folder; returns the folder's name. Each file is written below the folder
    /// (checked again against the full path) and never more bytes than its entry declared.
    /// progress, when given, hears the files written so far and the number to write, at most every 100 files and once at the end.
    public async Task<string> ExtractAsync(ZipArchive zip, CancellationToken cancellationToken, PackageImport.ProgressReport? progress = null)
    {
        var files = zip.Entries.Count(e => !e.FullName.EndsWith('/') && !e.FullName.EndsWith('\\'));
        var done = 0;
        var folder = Guid.NewGuid().ToString("N");
        var root = Path.GetFullPath(FolderOf(folder)) + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(root);
        try
        {
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                if (name.EndsWith('/')) continue;
                var target = Path.GetFullPath(Path.Combine(root, name));
                if (!target.StartsWith(root, StringComparison.Ordinal)) throw new InvalidDataException($"The entry {Shown(name)} points outside the package.");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await using var input = await entry.OpenAsync(cancellationToken);
                await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                long written = 0;
                int read;
                while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    written += read;
                    if (written > entry.Length) throw new InvalidDataException($"The entry {Shown(name)} is larger than it says.");
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                if (progress is not null && (++done % 100 == 0 || done == files)) await progress(done, files, cancellationToken);
            }
            return folder;
        }
        catch
        {
            DeleteFolder(folder);
            throw;
        }
    }

    private static string Shown(string name) => name.Length > 80 ? name[..80] + "…" : name;
}
