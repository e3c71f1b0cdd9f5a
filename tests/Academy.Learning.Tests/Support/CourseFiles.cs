using System.Text;
using System.Text.Json.Nodes;
using Academy.Web.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Learning.Tests.Support;

/// Small fixture courses in the recipe format (content/courses/&lt;slug&gt;/course.json beside content/recipes/),
/// written to a temp folder of their own and imported through the site's real recipe executor.
public sealed class CourseFiles : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("academy-courses-").FullName;

    /// A minimal MP4: an ftyp box (what the upload check looks for) padded to the length asked for.
    public static byte[] Mp4(int length = 4096)
    {
        var bytes = new byte[length];
        new byte[] { 0, 0, 0, 0x18 }.CopyTo(bytes, 0);
        "ftypisom"u8.ToArray().CopyTo(bytes, 4);
        for (var i = 24; i < length; i++) bytes[i] = (byte)(i % 251);
        return bytes;
    }

    public const string Vtt = "WEBVTT\n\n00:00.000 --> 00:02.000\nReport a suspected phishing email.\n";

    /// A complete course: one page, one video and one quiz lesson, in two sections. Change it before writing.
    public static JsonObject Course(string slug, string title = "Spotting phishing emails", string domain = "digital-identity-wellbeing-safety-and-security", int minutes = 20) => new()
    {
        ["slug"] = slug,
        ["title"] = title,
        ["summary"] = $"{title}: a short course for NHS staff.",
        ["description"] = "description.md",
        ["domain"] = domain,
        ["estimatedMinutes"] = minutes,
        ["validityMonths"] = 12,
        ["completion"] = "All lessons viewed and the quiz passed.",
        ["sections"] = new JsonArray
        {
            new JsonObject
            {
                ["title"] = "Basics",
                ["lessons"] = new JsonArray
                {
                    new JsonObject { ["slug"] = "intro", ["title"] = "Introduction", ["kind"] = "page", ["markdown"] = "lessons/intro.md", ["minutes"] = 5 },
                    new JsonObject { ["slug"] = "clip", ["title"] = "Reporting, on video", ["kind"] = "video", ["video"] = "media/clip.mp4",
                        ["captions"] = "media/clip.en.vtt", ["transcript"] = "media/clip-transcript.md", ["minutes"] = 1 },
                },
            },
            new JsonObject
            {
                ["title"] = "Check",
                ["lessons"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["slug"] = "check", ["title"] = "Check your understanding", ["kind"] = "quiz", ["passMark"] = 80, ["maxAttempts"] = null, ["shuffle"] = false, ["minutes"] = 5,
                        ["questions"] = new JsonArray
                        {
                            new JsonObject
                            {
                                ["text"] = "What do you do with a suspicious email?", ["multiple"] = false,
                                ["options"] = new JsonArray
                                {
                                    new JsonObject { ["text"] = "Report it", ["correct"] = true, ["feedback"] = "Yes: report it." },
                                    new JsonObject { ["text"] = "Open the attachment", ["correct"] = false, ["feedback"] = "No: never open it." },
                                },
                            },
                        },
                    },
                },
            },
        },
    };

    /// Writes the course's folder (course.json, its Markdown and media) and returns the course.json path.
    public string Write(JsonObject course, Action<string>? alterFolder = null)
    {
        var slug = (string)course["slug"]!;
        var folder = Path.Combine(Root, "courses", slug);
        Directory.CreateDirectory(Path.Combine(folder, "lessons"));
        Directory.CreateDirectory(Path.Combine(folder, "media"));
        File.WriteAllText(Path.Combine(folder, "description.md"), $"Learn to **spot** {slug} emails.\n");
        File.WriteAllText(Path.Combine(folder, "lessons", "intro.md"), "# Introduction\n\nPhishing emails pretend to come from someone you trust.\n");
        File.WriteAllBytes(Path.Combine(folder, "media", "clip.mp4"), Mp4());
        File.WriteAllText(Path.Combine(folder, "media", "clip.en.vtt"), Vtt);
        File.WriteAllText(Path.Combine(folder, "media", "clip-transcript.md"), "A person reports a suspected phishing email.\n");
        alterFolder?.Invoke(folder);
        var file = Path.Combine(folder, "course.json");
        File.WriteAllText(file, course.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), new UTF8Encoding(false));
        return file;
    }

    /// Writes a recipe with one courses step naming these courses, and returns its path.
    public string Recipe(params string[] slugs)
    {
        Directory.CreateDirectory(Path.Combine(Root, "recipes"));
        var file = Path.Combine(Root, "recipes", "courses.recipe.json");
        var names = string.Join(", ", slugs.Select(s => $"\"{s}\""));
        File.WriteAllText(file, $"{{\n  \"name\": \"courses\",\n  \"steps\": [\n    {{ \"name\": \"courses\", \"courses\": [{names}] }}\n  ]\n}}\n");
        return file;
    }

    public static Task<RecipeResult> ImportAsync(AcademySite site, string recipeFile) =>
        site.WithServicesAsync(sp => sp.GetRequiredService<RecipeExecutor>().ImportFileAsync(recipeFile, CancellationToken.None));

    /// Writes the courses and imports them; fails the test when the recipe is refused.
    public async Task LoadAsync(AcademySite site, params JsonObject[] courses)
    {
        foreach (var course in courses) Write(course);
        var result = await ImportAsync(site, Recipe(courses.Select(c => (string)c["slug"]!).ToArray()));
        Assert.True(result is RecipeResult.Imported, $"The fixture recipe was refused: {(result as RecipeResult.Failed)?.Error}");
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
