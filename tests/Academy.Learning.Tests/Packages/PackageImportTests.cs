using System.Net;
using System.Net.Http.Json;
using System.Text;
using Academy.Learning.Courses;
using Academy.Learning.Packages;
using Academy.Learning.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Academy.Learning.Tests.Support.Packages;

namespace Academy.Learning.Tests.Packages;

public sealed class PackageImportFixture : IAsyncLifetime
{
    public LearningSite Site { get; } = new();
    public HttpClient Author { get; private set; } = default!;

    public async Task InitializeAsync() => Author = await Site.SignInAsNewUserAsync(Arrange.NewEmail("author"), [Roles.CourseAuthor]);

    public Task DisposeAsync() => Site.DisposeAsync().AsTask();
}

/// cmi5 import (spec sections 13 and 14) through the real import page: what is kept of a package, and every package
/// the issue lists refused with its reason and nothing of it stored.
public sealed class PackageImportTests(PackageImportFixture fixture) : IClassFixture<PackageImportFixture>
{
    private LearningSite Site => fixture.Site;
    private HttpClient Author => fixture.Author;

    private Task<CoursePackage> PackageAsync(int courseId) => Site.DbAsync(db => db.CoursePackages.AsNoTracking()
        .Include(p => p.Course).ThenInclude(c => c.Sections).ThenInclude(s => s.Lessons)
        .Include(p => p.Aus).ThenInclude(a => a.Block).Include(p => p.Aus).ThenInclude(a => a.Lesson).Include(p => p.Blocks).AsSplitQuery().SingleAsync(p => p.CourseId == courseId));

    [Fact]
    public async Task Import_StandaloneStructureWithFullyQualifiedUrls_MakesADraftCourseThatKeepsEverySetting()
    {
        var courseId = NewId("course");
        var blockId = NewId("block");
        var xml = Structure(courseId, "  Fire   safety  ",
            Au(NewId("au"), "  https://content.example.org/intro.html?lang=en  ", "moveOn=\"Completed\" launchMethod=\"OwnWindow\"", title: " Introduction "),
            Block(blockId, "Assessment",
                Au(NewId("au"), "https://content.example.org/test.html", "moveOn=\"CompletedAndPassed\" masteryScore=\"0.8\"",
                    "<launchParameters> {\"level\":2} </launchParameters><entitlementKey> key-123 </entitlementKey>", title: "Test")));

        var response = await ImportAsync(Author, Encoding.UTF8.GetBytes(xml), "cmi5.xml");

        var package = await PackageAsync(CourseIdOf(response));
        Assert.Equal(PackageFormat.Cmi5, package.Format);
        Assert.Equal(courseId, package.PublisherId);
        Assert.Null(package.Folder);
        Assert.Equal("Fire safety", package.Course.Title);
        Assert.Equal(CourseStatus.Draft, package.Course.Status);
        Assert.Equal(["Fire safety", "Assessment"], package.Course.Sections.OrderBy(s => s.Position).Select(s => s.Title));
        var aus = package.Aus.OrderBy(a => a.Lesson.Slug).ToList();
        Assert.All(package.Course.Sections.SelectMany(s => s.Lessons), l => Assert.Equal(LessonKind.Au, l.Kind));
        Assert.Equal("Introduction", aus[0].Lesson.Title);
        Assert.Equal("https://content.example.org/intro.html?lang=en", aus[0].Url);
        Assert.Equal((MoveOn.Completed, LaunchMethod.OwnWindow, (decimal?)null), (aus[0].MoveOn, aus[0].LaunchMethod, aus[0].MasteryScore));
        Assert.Equal((MoveOn.CompletedAndPassed, LaunchMethod.AnyWindow, (decimal?)0.8m), (aus[1].MoveOn, aus[1].LaunchMethod, aus[1].MasteryScore));
        Assert.Equal("{\"level\":2}", aus[1].LaunchParameters);
        Assert.Equal("key-123", aus[1].EntitlementKey);
        Assert.Equal(blockId, aus[1].Block!.PublisherId);
        Assert.Null(aus[0].Block);
    }

    [Fact]
    public async Task Import_ZipWithRelativeUrls_ExtractsItsFilesAndServesThemSandboxedWithoutSignIn()
    {
        var xml = Structure(NewId("course"), "Hand hygiene", Au(NewId("au"), "content/index.html?start=1"));
        var response = await ImportAsync(Author, Zip(("cmi5.xml", xml), ("content/index.html", "<h1>Wash your hands</h1>")), "hygiene.zip");

        var package = await PackageAsync(CourseIdOf(response));
        Assert.Equal("content/index.html?start=1", package.Aus.Single().Url);
        var served = await Site.CreateAnonymousClient().GetAsync($"/learning/packages/content/{package.Folder}/content/index.html");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("<h1>Wash your hands</h1>", await served.Content.ReadAsStringAsync());
        var policy = served.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("sandbox allow-scripts", policy);
        Assert.DoesNotContain("allow-same-origin", policy);
        var escape = await Site.CreateAnonymousClient().GetAsync($"/learning/packages/content/{package.Folder}/..%2F..%2Fapp.db");
        Assert.Equal(HttpStatusCode.NotFound, escape.StatusCode);
    }

    [Fact]
    public async Task Import_Zip64Package_IsImported()
    {
        var xml = Structure(NewId("course"), "Zip64 course", Au(NewId("au"), "index.html", "moveOn=\"Passed\" masteryScore=\"0.5\""));
        var zip = Zip64(new RawEntry("cmi5.xml", xml), new RawEntry("index.html", "<p>Big package</p>"));
        Assert.Contains("PK\u0006\u0006", Encoding.Latin1.GetString(zip)); // the zip64 end of central directory record

        var package = await PackageAsync(CourseIdOf(await ImportAsync(Author, zip, "big.zip")));

        Assert.Equal(MoveOn.Passed, package.Aus.Single().MoveOn);
        Assert.True(File.Exists(Path.Combine(Site.DataFolder, "learning-packages", package.Folder!, "index.html")));
    }

    [Fact]
    public async Task Import_StructureOfMoreThanAThousandAus_KeepsThemAllInOrder()
    {
        var aus = Enumerable.Range(1, 1001).Select(i => Au($"https://publisher.example.org/big/au/{i}", $"https://content.example.org/{i}.html", title: $"Unit {i}")).ToArray();
        var xml = Structure(NewId("course"), "A very long course", Block(NewId("block"), "First half", aus[..500]), Block(NewId("block"), "Second half", aus[500..]));

        var package = await PackageAsync(CourseIdOf(await ImportAsync(Author, Encoding.UTF8.GetBytes(xml), "cmi5.xml")));

        Assert.Equal(1001, package.Aus.Count);
        var lessons = package.Course.Sections.OrderBy(s => s.Position).SelectMany(s => s.Lessons.OrderBy(l => l.Position)).ToList();
        Assert.Equal(Enumerable.Range(1, 1001).Select(i => $"Unit {i}"), lessons.Select(l => l.Title));
        Assert.Equal([500, 501], package.Course.Sections.OrderBy(s => s.Position).Select(s => s.Lessons.Count));
    }

    public static TheoryData<string, string, byte[], string> Refused()
    {
        var course = "https://publisher.example.org/course/refused";
        var au = Au("https://publisher.example.org/au/1", "https://content.example.org/1.html");
        var valid = Structure(course, "Refused", au);
        return new()
        {
            { "invalid XML", "cmi5.xml", Encoding.UTF8.GetBytes("<courseStructure><course>"), "not valid XML" },
            { "not a zip", "package.zip", Encoding.UTF8.GetBytes("%PDF-1.7 not a package"), "must be a zip file or a cmi5 course structure" },
            { "corrupt zip", "package.zip", [.. "PK\u0003\u0004"u8, .. new byte[40]], "not a valid zip file" },
            { "zip without cmi5.xml", "package.zip", Zip(("course/cmi5.xml", valid), ("index.html", "<p>x</p>")), "no cmi5.xml" },
            { "schema violation", "cmi5.xml", Encoding.UTF8.GetBytes(valid.Replace("<url>", "<link>").Replace("</url>", "</link>")), "does not match the cmi5 schema" },
            { "course id not an IRI", "cmi5.xml", Encoding.UTF8.GetBytes(Structure("course-7", "Refused", au)), "the course id 'course-7' is not an absolute IRI" },
            { "AU id not an IRI", "cmi5.xml", Encoding.UTF8.GetBytes(Structure(course, "Refused", Au("unit 1", "https://content.example.org/1.html"))), "the AU id 'unit 1' is not an absolute IRI" },
            { "duplicate AU id", "cmi5.xml", Encoding.UTF8.GetBytes(Structure(course, "Refused", au, au)), "is already used on line" },
            { "block id same as course id", "cmi5.xml", Encoding.UTF8.GetBytes(Structure(course, "Refused", Block(course, "B", Au("https://publisher.example.org/au/2", "https://content.example.org/2.html")))), "the block id 'https://publisher.example.org/course/refused' is already used" },
            { "relative URL outside a zip", "cmi5.xml", Encoding.UTF8.GetBytes(Structure(course, "Refused", Au("https://publisher.example.org/au/3", "index.html"))), "a course structure outside a zip must use fully qualified URLs" },
            { "launch parameter collision", "cmi5.xml", Encoding.UTF8.GetBytes(Structure(course, "Refused", Au("https://publisher.example.org/au/4", "https://content.example.org/4.html?registration=abc"))), "has a query parameter 'registration', which cmi5 reserves" },
            { "relative URL to a missing file", "package.zip", Zip(("cmi5.xml", Structure(course, "Refused", Au("https://publisher.example.org/au/5", "missing.html")))), "names a file the package does not contain" },
            { "relative URL escaping the package", "package.zip", Zip(("cmi5.xml", Structure(course, "Refused", Au("https://publisher.example.org/au/6", "../outside.html")))), "points outside the package" },
            { "zip slip", "package.zip", Zip(("cmi5.xml", valid), ("../../evil.html", "x")), "points outside the package (../../evil.html)" },
            { "absolute path", "package.zip", Zip(("cmi5.xml", valid), ("/etc/evil.html", "x")), "absolute path (/etc/evil.html)" },
            { "symbolic link", "package.zip", Zip64(new RawEntry("cmi5.xml", valid), new RawEntry("link.html", "/etc/passwd", 0xA1FF)), "symbolic link (link.html)" },
            { "a DTD", "cmi5.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><courseStructure>&e;</courseStructure>"), "not valid XML" },
        };
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Import_BadPackage_IsRefusedWithItsReasonAndNothingIsStored(string what, string fileName, byte[] file, string reason)
    {
        var before = await CountsAsync();

        var posted = await PostImportAsync(Author, file, fileName);
        var run = RunAddressOf(posted);
        await WaitUntilFinishedAsync(Author, run);
        var response = await Author.GetAsync(run);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: {(int)response.StatusCode}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("The package was refused", html);
        Assert.Contains(reason, html);
        Assert.Contains("nhsuk-error-summary", html);
        Assert.DoesNotContain("course-link", html);
        var stored = await Site.DbAsync(db => db.PackageImportRuns.AsNoTracking().SingleAsync(r => r.Id == RunIdOf(run)));
        Assert.Equal((ImportRunStatus.Refused, (int?)null, (string?)null), (stored.Status, stored.CourseId, stored.UploadFile));
        Assert.Contains(stored.Reasons, r => r.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_ZipOfManyFiles_IsImportedByTheJobWhichCountsEveryFileExtracted()
    {
        var files = Enumerable.Range(1, 450).Select(i => ($"content/page-{i}.html", $"<p>Page {i}</p>")).ToList();
        var xml = Structure(NewId("course"), "Many files", Au(NewId("au"), "content/page-1.html"));
        var posted = await PostImportAsync(Author, Zip([("cmi5.xml", xml), .. files]), "many.zip");
        var run = RunAddressOf(posted);
        await WaitUntilFinishedAsync(Author, run);

        var stored = await Site.DbAsync(db => db.PackageImportRuns.AsNoTracking().SingleAsync(r => r.Id == RunIdOf(run)));
        Assert.Equal(ImportRunStatus.Done, stored.Status);
        Assert.Equal((451, 451), (stored.Progress, stored.Total));
        Assert.Null(stored.UploadFile);
        Assert.Empty(Directory.GetFiles(Path.Combine(Site.DataFolder, "learning-packages", ".uploads")));
        var page = await Author.GetAsync(run);
        var courseId = CourseIdOf(page);
        Assert.Equal(stored.CourseId, courseId);
        var package = await PackageAsync(courseId);
        Assert.Equal(451, Directory.GetFiles(Path.Combine(Site.DataFolder, "learning-packages", package.Folder!), "*", SearchOption.AllDirectories).Length);
        var progress = await Author.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"{run}?handler=progress");
        Assert.Equal(("Done", 451, 451, "451 of 451 files", true),
            ((string)progress!["status"]!, (int)progress["processed"]!, (int)progress["total"]!, (string)progress["text"]!, (bool)progress["done"]!));
    }

    [Fact]
    public async Task ImportRun_OfAnotherAuthor_IsNotFoundButAnAdministratorSeesIt()
    {
        var xml = Structure(NewId("course"), "Someone else's", Au(NewId("au"), "https://content.example.org/x.html"));
        var run = RunAddressOf(await PostImportAsync(Author, Encoding.UTF8.GetBytes(xml), "cmi5.xml"));
        await WaitUntilFinishedAsync(Author, run);

        var other = await Site.SignInAsNewUserAsync(Arrange.NewEmail("other-author"), [Roles.CourseAuthor]);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(run)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{run}?handler=progress")).StatusCode);
        var admin = await Site.SignInAsNewUserAsync(Arrange.NewEmail("admin"), [Roles.Administrator]);
        var seen = await admin.GetAsync(run);
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Contains("Package imported", await seen.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ImportRun_StillRunning_ShowsItsProgressAndARefreshLinkThatWorksWithoutScript()
    {
        var (authorId, author) = await SelfAssessments.PersonAsync(Site, Roles.CourseAuthor);
        var id = await Site.DbAsync(async db =>
        {
            var row = new PackageImportRun
            {
                ImportedBy = authorId, FileName = "large.zip", Domain = CapabilityDomain.TechnicalProficiency, EstimatedMinutes = 30,
                Status = ImportRunStatus.Running, Progress = 1234, Total = 5000, QueuedAt = DateTimeOffset.UtcNow,
            };
            db.PackageImportRuns.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });

        var html = WebUtility.HtmlDecode(await author.GetStringAsync($"/learning/manage/packages/imports/{id}"));

        Assert.Contains("Importing the package", html);
        Assert.Contains("<progress id=\"progress\" max=\"5000\" value=\"1234\">", html);
        Assert.Contains("1,234 of 5,000 files", html);
        Assert.Contains($"href=\"/learning/manage/packages/imports/{id}\" id=\"refresh\"", html);
        Assert.Contains("upload-progress.js", html);
    }

    [Fact]
    public async Task Import_WithoutAFileOrDomain_ShowsErrorsBesideTheFieldsInOrder()
    {
        var content = new MultipartFormDataContent { { new StringContent(""), "Domain" }, { new StringContent("x"), "EstimatedMinutes" } };
        var response = await Forms.PostMultipartAsync(Author, ImportUrl, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var (file, domain, minutes) = (html.IndexOf("Select a cmi5 or Tin Can package", StringComparison.Ordinal), html.IndexOf("Select a capability domain", StringComparison.Ordinal),
            html.IndexOf("Estimated length must be a whole number", StringComparison.Ordinal));
        Assert.True(file > 0 && domain > file && minutes > domain, html);
    }

    [Fact]
    public async Task ImportPage_ForALearner_IsForbidden()
    {
        var learner = await Site.SignInAsNewUserAsync(Arrange.NewEmail("learner"), [Roles.Learner]);
        var response = await learner.GetAsync(ImportUrl);
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Redirect });
        if (response.StatusCode == HttpStatusCode.Redirect) Assert.Contains("denied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    /// Courses, packages, AUs and package folders: what an import would add.
    private async Task<(int, int, int, int)> CountsAsync()
    {
        var (courses, packages, aus) = await Site.DbAsync(async db => (await db.Courses.CountAsync(), await db.CoursePackages.CountAsync(), await db.PackageAus.CountAsync()));
        var root = Path.Combine(Site.DataFolder, "learning-packages");
        var folders = Directory.Exists(root) ? Directory.GetDirectories(root).Count(d => !Path.GetFileName(d).StartsWith('.')) : 0;
        var uploads = Path.Combine(root, ".uploads");
        var left = Directory.Exists(uploads) ? Directory.GetFiles(uploads).Length : 0;
        return (courses, packages, aus, folders + left * 1000);
    }
}
