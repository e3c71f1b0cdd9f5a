using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Packages;

/// Imports a package, all or nothing: a cmi5 course structure alone (cmi5.xml, fully qualified AU URLs only) or a
/// zip (zip32 or zip64) with cmi5.xml or tincan.xml at its root. The package is read and checked whole first; only
/// then are its files extracted and the course written, in one transaction, and a failure on the way removes the
/// files again. A refused package leaves nothing behind: no course, no rows, no files.
public sealed class PackageImport(LearningDbContext db, PackageStore store, TimeProvider clock)
{
    /// Where an import has got to: files extracted (or units read) so far, out of a total.
    public delegate Task ProgressReport(int done, int total, CancellationToken cancellationToken);

    public sealed record Settings(CapabilityDomain Domain, int EstimatedMinutes);

    /// Course on success; otherwise the reasons, in the order they were found.
    public sealed record Result(Course? Course, IReadOnlyList<string> Errors)
    {
        public static Result Refused(params string[] errors) => new(null, errors);
    }

    public async Task<Result> ImportAsync(string path, string fileName, Settings settings, string userId, CancellationToken cancellationToken,
        ProgressReport? progress = null)
    {
        var head = new byte[512];
        int length;
        await using (var probe = File.OpenRead(path)) length = await probe.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (length == 0) return Result.Refused("The selected file is empty");
        var bytes = new FileInfo(path).Length;

        if (head.AsSpan(0, length).StartsWith("PK"u8))
            return await ImportZipAsync(path, fileName, bytes, settings, userId, progress, cancellationToken);
        if (!LooksLikeXml(head.AsSpan(0, length)))
            return Result.Refused("The selected file must be a zip file or a cmi5 course structure (cmi5.xml)");

        await using var xml = File.OpenRead(path);
        var read = Cmi5Structure.Read(xml, fileExists: null);
        if (read.Course is null) return new(null, read.Errors);
        if (progress is not null) { var aus = read.Course.Aus.Count(); await progress(aus, aus, cancellationToken); }
        return await SaveCmi5Async(read.Course, folder: null, fileName, bytes, settings, userId, cancellationToken);
    }

    private async Task<Result> ImportZipAsync(string path, string fileName, long bytes, Settings settings, string userId, ProgressReport? progress, CancellationToken cancellationToken)
    {
        ZipArchive zip;
        try
        {
            zip = await ZipArchive.CreateAsync(File.OpenRead(path), ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return Result.Refused("The selected file is not a valid zip file");
        }
        await using (zip)
        {
            if (store.CheckEntries(zip, out var names) is { } refused) return Result.Refused(refused);
            if (zip.GetEntry("cmi5.xml") is { } cmi5)
            {
                Cmi5Structure.Result read;
                await using (var xml = await cmi5.OpenAsync(cancellationToken)) read = Cmi5Structure.Read(xml, names.Contains);
                if (read.Course is null) return new(null, read.Errors);
                var folder = await store.ExtractAsync(zip, cancellationToken, progress);
                return await SaveCmi5Async(read.Course, folder, fileName, bytes, settings, userId, cancellationToken);
            }
            if (zip.GetEntry("tincan.xml") is { } tincan)
            {
                TinCanStructure.Result read;
                await using (var xml = await tincan.OpenAsync(cancellationToken)) read = TinCanStructure.Read(xml, names.Contains);
                if (read.Course is null) return new(null, read.Errors);
                var folder = await store.ExtractAsync(zip, cancellationToken, progress);
                return await SaveAsync(read.Course, PackageFormat.TinCan, folder, fileName, bytes, settings, userId, cancellationToken);
            }
            return Result.Refused("The zip file has no cmi5.xml (or tincan.xml) at its root");
        }
    }

    private Task<Result> SaveCmi5Async(Cmi5Course course, string? folder, string fileName, long bytes, Settings settings, string userId, CancellationToken cancellationToken) =>
        SaveAsync(course, PackageFormat.Cmi5, folder, fileName, bytes, settings, userId, cancellationToken);

    private async Task<Result> SaveAsync(Cmi5Course structure, PackageFormat format, string? folder, string fileName, long bytes, Settings settings,
        string userId, CancellationToken cancellationToken)
    {
        try
        {
            var now = clock.GetUtcNow();
            var aus = structure.Aus.ToList();
            var course = new Course
            {
                Slug = await FreeSlugAsync(structure.Title, cancellationToken),
                Title = Clip(structure.Title, CourseRules.TitleMaxLength),
                Summary = Clip(structure.Description.Length > 0 ? structure.Description : structure.Title, CourseRules.SummaryMaxLength),
                Description = structure.Description,
                Domain = settings.Domain,
                EstimatedMinutes = settings.EstimatedMinutes,
                CompletionRule = Clip(aus.Count == 1 ? "Complete the e-learning unit as it asks." : $"Complete each of the {aus.Count:N0} e-learning units as it asks.", CourseRules.SummaryMaxLength),
                Status = CourseStatus.Draft,
                UpdatedAt = now,
            };
            var package = new CoursePackage
            {
                Course = course, Format = format, PublisherId = structure.Id, Folder = folder, FileName = Clip(Path.GetFileName(fileName), 200),
                FileBytes = bytes, ImportedBy = userId, ImportedAt = now,
            };
            var minutes = Math.Clamp(settings.EstimatedMinutes / Math.Max(1, aus.Count), 1, CourseRules.MaxLessonMinutes);
            var counter = new Counter();
            Section? loose = null;
            foreach (var node in structure.Children)
            {
                switch (node)
                {
                    case Cmi5Block block:
                        loose = null;
                        var section = NewSection(course, block.Title);
                        Add(package, section, block, parent: null, minutes, counter);
                        break;
                    case Cmi5Au au:
                        loose ??= NewSection(course, structure.Title);
                        AddAu(package, loose, au, block: null, minutes, counter);
                        break;
                }
            }
            db.CoursePackages.Add(package);
            await db.SaveChangesAsync(cancellationToken);
            return new(course, []);
        }
        catch
        {
            db.ChangeTracker.Clear();
            if (folder is not null) store.DeleteFolder(folder);
            throw;
        }
    }

    private sealed class Counter
    {
        public int Au;
        public int Block;
    }

    private static Section NewSection(Course course, string title)
    {
        var section = new Section { Position = course.Sections.Count + 1, Title = Clip(title, CourseRules.TitleMaxLength) };
        course.Sections.Add(section);
        return section;
    }

    private static void Add(CoursePackage package, Section section, Cmi5Block block, PackageBlock? parent, int minutes, Counter counter)
    {
        var row = new PackageBlock { Package = package, Parent = parent, Position = ++counter.Block, PublisherId = block.Id, Title = Clip(block.Title, CourseRules.TitleMaxLength) };
        package.Blocks.Add(row);
        foreach (var child in block.Children)
        {
            if (child is Cmi5Block inner) Add(package, section, inner, row, minutes, counter);
            else if (child is Cmi5Au au) AddAu(package, section, au, row, minutes, counter);
        }
    }

    private static void AddAu(CoursePackage package, Section section, Cmi5Au au, PackageBlock? block, int minutes, Counter counter)
    {
        var lesson = new Lesson
        {
            Position = section.Lessons.Count + 1, Slug = $"au-{++counter.Au}", Title = Clip(au.Title, CourseRules.TitleMaxLength),
            Kind = LessonKind.Au, Minutes = minutes,
        };
        section.Lessons.Add(lesson);
        package.Aus.Add(new PackageAu
        {
            Package = package, Lesson = lesson, Block = block, PublisherId = au.Id, Url = au.Url, MoveOn = au.MoveOn, MasteryScore = au.MasteryScore,
            LaunchMethod = au.LaunchMethod, LaunchParameters = au.LaunchParameters, EntitlementKey = au.EntitlementKey, ActivityType = au.ActivityType,
            TrackedActivityId = package.Format == PackageFormat.TinCan ? au.Id : null,
        });
    }

    /// A slug from the title ("Fire safety 2026" gives "fire-safety-2026-3f9a1c"): a random tail, so that two imports of
    /// the same package, or of packages with the same title, are two courses an author can tell apart by their pages.
    private async Task<string> FreeSlugAsync(string title, CancellationToken cancellationToken)
    {
        var stem = new StringBuilder();
        foreach (var c in title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) stem.Append(c);
            else if (stem.Length > 0 && stem[^1] != '-') stem.Append('-');
            if (stem.Length >= 60) break;
        }
        var start = stem.ToString().Trim('-');
        if (start.Length == 0) start = "package";
        while (true)
        {
            var slug = $"{start}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
            if (!await db.Courses.AnyAsync(c => c.Slug == slug, cancellationToken)) return slug;
        }
    }

    private static bool LooksLikeXml(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) head = head[3..];
        var i = 0;
        while (i < head.Length && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return i < head.Length && head[i] == '<';
    }

    /// Titles from a package are the publisher's: trimmed to fit, and control characters (never typed, only pasted) dropped.
    private static string Clip(string text, int max)
    {
        var clean = new string(text.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length <= max ? clean : clean[..(max - 1)].TrimEnd() + "…";
    }
}
