using System.Text.Json.Nodes;
using Academy.Learning.Courses;
using Academy.Learning.Tests.Support;
using Academy.Web.Recipes;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Tests.Courses;

public sealed class CourseRecipeTests(AcademySite site) : IClassFixture<AcademySite>, IDisposable
{
    private readonly CourseFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task Import_ACourse_StoresItPublishedWithItsSectionsLessonsQuizAndMedia()
    {
        var slug = Arrange.NewSlug("loaded");

        await files.LoadAsync(site, CourseFiles.Course(slug));

        var course = await Arrange.CourseAsync(site, slug);
        Assert.Equal((CourseStatus.Published, 1, CapabilityDomain.DigitalIdentityWellbeingSafetyAndSecurity), (course.Status, course.Version, course.Domain));
        Assert.Equal(["Basics", "Check"], course.Sections.OrderBy(s => s.Position).Select(s => s.Title));
        var lessons = course.Sections.OrderBy(s => s.Position).SelectMany(s => s.Lessons.OrderBy(l => l.Position)).ToList();
        Assert.Equal(["intro", "clip", "check"], lessons.Select(l => l.Slug));
        Assert.StartsWith("# Introduction", lessons[0].Markdown);
        Assert.Equal("video/mp4", lessons[1].VideoContentType);
        Assert.Equal(CourseFiles.Mp4(), await File.ReadAllBytesAsync(Path.Combine(site.DataFolder, "learning-media", lessons[1].VideoFile!)));
        Assert.Equal(CourseFiles.Vtt, await File.ReadAllTextAsync(Path.Combine(site.DataFolder, "learning-media", lessons[1].CaptionsFile!)));
        var question = Assert.Single(lessons[2].Questions);
        Assert.Equal((80, (int?)null), (lessons[2].PassMark, lessons[2].MaxAttempts));
        Assert.Equal([true, false], question.Options.OrderBy(o => o.Position).Select(o => o.Correct));
        Assert.Equal("Yes: report it.", question.Options.Single(o => o.Correct).Feedback);
    }

    [Fact]
    public async Task Import_TheSameCourseTwice_ChangesNothing()
    {
        var slug = Arrange.NewSlug("twice");
        await files.LoadAsync(site, CourseFiles.Course(slug));
        var before = await SnapshotAsync(slug);

        await files.LoadAsync(site, CourseFiles.Course(slug));

        Assert.Equal(before, await SnapshotAsync(slug));
        Assert.Equal(1, (await Arrange.CourseAsync(site, slug)).Version);
    }

    [Fact]
    public async Task Import_APublishedCourseWithChangedContent_GivesItANewVersionAndKeepsLessonIds()
    {
        var slug = Arrange.NewSlug("changed");
        await files.LoadAsync(site, CourseFiles.Course(slug));
        var ids = (await Arrange.CourseAsync(site, slug)).Sections.SelectMany(s => s.Lessons).ToDictionary(l => l.Slug, l => l.Id);

        var changed = CourseFiles.Course(slug, title: "Spotting phishing, revised");
        await files.LoadAsync(site, changed);

        var course = await Arrange.CourseAsync(site, slug);
        Assert.Equal(("Spotting phishing, revised", 2), (course.Title, course.Version));
        Assert.Equal(ids, course.Sections.SelectMany(s => s.Lessons).ToDictionary(l => l.Slug, l => l.Id));
    }

    [Fact]
    public async Task Import_WithAnUnknownDomain_IsRefusedWithTheCourseFileItsLineAndTheReason_AndNothingIsApplied()
    {
        var good = Arrange.NewSlug("good");
        var bad = Arrange.NewSlug("bad");
        files.Write(CourseFiles.Course(good));
        var badFile = files.Write(CourseFiles.Course(bad, domain: "digital-wizardry"));

        var failed = Assert.IsType<RecipeResult.Failed>(await CourseFiles.ImportAsync(site, files.Recipe(good, bad)));

        Assert.Equal(badFile, failed.Error.File);
        Assert.Equal(LineOf(badFile, "\"domain\""), failed.Error.Line);
        Assert.Contains("capability domain", failed.Error.Reason);
        Assert.Equal($"{bad}/course.json, line {failed.Error.Line}: {failed.Error.Reason}", failed.Error.ToString());
        Assert.False(await Arrange.DbAsync(site, db => db.Courses.AnyAsync(c => c.Slug == good || c.Slug == bad)));
    }

    [Fact]
    public async Task Import_WithAControlCharacterInALessonsMarkdown_NamesTheMarkdownFileAndLine()
    {
        var slug = Arrange.NewSlug("control");
        files.Write(CourseFiles.Course(slug), folder => File.WriteAllText(Path.Combine(folder, "lessons", "intro.md"), "# Introduction\n\nFine line.\nBad \u0007 bell.\n"));

        var failed = Assert.IsType<RecipeResult.Failed>(await CourseFiles.ImportAsync(site, files.Recipe(slug)));

        Assert.EndsWith(Path.Combine("lessons", "intro.md"), failed.Error.File);
        Assert.Equal(4, failed.Error.Line);
        Assert.Contains("control character", failed.Error.Reason);
        Assert.False(await Arrange.DbAsync(site, db => db.Courses.AnyAsync(c => c.Slug == slug)));
    }

    [Fact]
    public async Task Import_WithAVideoThatIsNotAnMp4_IsRefused()
    {
        var slug = Arrange.NewSlug("notvideo");
        var file = files.Write(CourseFiles.Course(slug), folder => File.WriteAllText(Path.Combine(folder, "media", "clip.mp4"), "<html>not a video</html>"));

        var failed = Assert.IsType<RecipeResult.Failed>(await CourseFiles.ImportAsync(site, files.Recipe(slug)));

        Assert.Equal(file, failed.Error.File);
        Assert.Equal(LineOf(file, "\"video\": \"media/clip.mp4\""), failed.Error.Line);
        Assert.Contains("does not match its type", failed.Error.Reason);
    }

    [Fact]
    public async Task Import_WithAFileOutsideTheCoursesFolder_IsRefused()
    {
        var slug = Arrange.NewSlug("escape");
        var course = CourseFiles.Course(slug);
        course["description"] = "../../recipes/courses.recipe.json.md";
        files.Write(course);

        var failed = Assert.IsType<RecipeResult.Failed>(await CourseFiles.ImportAsync(site, files.Recipe(slug)));

        Assert.Contains("inside the course's folder", failed.Error.Reason);
    }

    [Fact]
    public async Task Import_WithAnUnknownProperty_IsRefusedAtItsLine()
    {
        var slug = Arrange.NewSlug("unknown");
        var course = CourseFiles.Course(slug);
        course["colour"] = "blue";
        var file = files.Write(course);

        var failed = Assert.IsType<RecipeResult.Failed>(await CourseFiles.ImportAsync(site, files.Recipe(slug)));

        Assert.Equal(file, failed.Error.File);
        Assert.Contains("colour", failed.Error.Reason);
    }

    [Fact]
    public async Task Import_ThatRemovesALessonOfAPublishedCourse_IsRefused()
    {
        var slug = Arrange.NewSlug("shrink");
        await files.LoadAsync(site, CourseFiles.Course(slug));
        var smaller = CourseFiles.Course(slug);
        ((JsonArray)smaller["sections"]![0]!["lessons"]!).RemoveAt(0);
        files.Write(smaller);

        var failed = Assert.IsType<RecipeResult.Failed>(await CourseFiles.ImportAsync(site, files.Recipe(slug)));

        Assert.Contains("cannot be removed", failed.Error.Reason);
        Assert.Equal(3, (await Arrange.CourseAsync(site, slug)).Sections.SelectMany(s => s.Lessons).Count());
    }

    private static int LineOf(string file, string text) =>
        File.ReadAllLines(file).Select((line, i) => (line, i)).First(x => x.line.Contains(text, StringComparison.Ordinal)).i + 1;

    private Task<List<string>> SnapshotAsync(string slug) => Arrange.DbAsync(site, async db =>
    {
        var course = await db.Courses.AsNoTracking().SingleAsync(c => c.Slug == slug);
        var rows = new List<string> { $"{course.Id}|{course.Title}|{course.Version}|{course.UpdatedAt.UtcTicks}|{course.PublishedAt?.UtcTicks}" };
        rows.AddRange(await db.Sections.Where(s => s.CourseId == course.Id).OrderBy(s => s.Id).Select(s => $"{s.Id}|{s.Position}|{s.Title}").ToListAsync());
        rows.AddRange(await db.Lessons.Where(l => l.Section.CourseId == course.Id).OrderBy(l => l.Id)
            .Select(l => $"{l.Id}|{l.SectionId}|{l.Position}|{l.Slug}|{l.Markdown}|{l.VideoFile}|{l.CaptionsFile}|{l.TranscriptMarkdown}").ToListAsync());
        rows.AddRange(await db.Options.Where(o => o.Question.Lesson.Section.CourseId == course.Id).OrderBy(o => o.Id)
            .Select(o => $"{o.Id}|{o.QuestionId}|{o.Position}|{o.Text}|{o.Correct}|{o.Feedback}").ToListAsync());
        rows.Add(string.Join(",", Directory.GetFiles(Path.Combine(site.DataFolder, "learning-media")).Order()));
        return rows;
    });
}
