using System.Globalization;
using System.Text.Json;
using Academy.Data;
using Academy.Learning.Data;
using Academy.Recipes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Learning.Courses.Recipes;

internal sealed record CoursesStep(string Name, List<string> Courses);

/// Recipe step "courses": loads content/courses/&lt;slug&gt;/course.json with its Markdown and media (the format in
/// LEARNING.md). Every course is read and checked against <see cref="CourseRules"/> before anything is written; then
/// each is upserted by slug, children matched by position (sections, questions, options) and by slug (lessons), so
/// ids stay stable and loading the same files twice writes nothing. A published course whose content changed gets
/// a new version. Media are copied under the data folder by <see cref="MediaStore"/>.
internal sealed class CoursesRecipeStep : IRecipeStep
{
    public string Name => "courses";

    public void Validate(RecipeStepContext context)
    {
        foreach (var _ in Load(context, context.Services.GetRequiredService<MediaStore>())) { }
    }

    public async Task ApplyAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var contexts = context.Services.GetRequiredService<ModuleDbContextFactory<LearningDbContext>>();
        var media = context.Services.GetRequiredService<MediaStore>();
        var now = context.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var db = contexts.CreateOn(context.Connection, context.Transaction);
        foreach (var loaded in Load(context, media).ToList())
        {
            foreach (var (lesson, source) in loaded.Media)
            {
                await using (var video = File.OpenRead(source.Video))
                    lesson.VideoFile = await media.SaveAsync(video, Path.GetExtension(source.Video), cancellationToken);
                await using (var captions = File.OpenRead(source.Captions))
                    lesson.CaptionsFile = await media.SaveAsync(captions, ".vtt", cancellationToken);
            }
            var course = await db.Courses.Include(c => c.Sections).ThenInclude(s => s.Lessons).ThenInclude(l => l.Questions).ThenInclude(q => q.Options)
                .AsSplitQuery().SingleOrDefaultAsync(c => c.Slug == loaded.Course.Slug, cancellationToken);
            if (course is null)
            {
                loaded.Course.Status = CourseStatus.Published;
                loaded.Course.PublishedAt = now;
                loaded.Course.UpdatedAt = now;
                db.Courses.Add(loaded.Course);
                continue;
            }
            var kept = loaded.Course.Sections.SelectMany(s => s.Lessons).Select(l => l.Slug).ToHashSet();
            foreach (var removed in course.Sections.SelectMany(s => s.Lessons).Where(l => !kept.Contains(l.Slug)))
                if (CourseRules.CheckRemoveLesson(course, removed) is { } refused)
                    throw new RecipeException(refused.Message + ".", "$", loaded.File, 1);
            var before = CourseRules.Fingerprint(course);
            CourseMerge.Into(course, loaded.Course);
            CourseRules.Changed(course, before, now);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record MediaSource(string Video, string Captions);

    private sealed record Loaded(Course Course, string File, List<(Lesson Lesson, MediaSource Source)> Media);

    private static IEnumerable<Loaded> Load(RecipeStepContext context, MediaStore media)
    {
        var step = context.Read<CoursesStep>();
        var coursesFolder = Path.GetFullPath(Path.Combine(context.RecipeFolder, "..", "courses"));
        for (var i = 0; i < step.Courses.Count; i++)
        {
            var name = step.Courses[i];
            if (!CourseRules.IsSlug(name)) throw new RecipeException("Name a course by its folder under content/courses, for example \"digital-foundations\".", $"$.courses[{i}]");
            if (step.Courses.IndexOf(name) != i) throw new RecipeException($"The course {name} is named twice.", $"$.courses[{i}]");
            var folder = Path.Combine(coursesFolder, name);
            var file = Path.Combine(folder, "course.json");
            if (!File.Exists(file)) throw new RecipeException($"There is no file content/courses/{name}/course.json.", $"$.courses[{i}]");
            yield return new CourseFileReader(folder, file, media).Read(name);
        }
    }

    /// Reads one course.json; every problem is reported with that file (or the Markdown file) and its line.
    private sealed class CourseFileReader(string folder, string file, MediaStore store)
    {
        private byte[] bytes = [];

        public Loaded Read(string folderName)
        {
            bytes = File.ReadAllBytes(file);
            CourseFile entry;
            try
            {
                entry = JsonSerializer.Deserialize<CourseFile>(bytes, RecipeStepContext.JsonOptions)
                    ?? throw new RecipeException("A course file is a JSON object.", "$", file, 1);
            }
            catch (JsonException ex)
            {
                var line = ex.LineNumber is { } n ? (int)n + 1 : JsonLines.LineOf(bytes, ex.Path ?? "$");
                throw new RecipeException(ex.Message.Split(" Path:", 2)[0], ex.Path ?? "$", file, line);
            }

            if (entry.Slug != folderName) Fail("$.slug", $"The course's slug must be its folder's name, \"{folderName}\".");
            var description = entry.Description is null ? "" : ReadText("$.description", entry.Description, ".md");
            var course = new Course { Slug = entry.Slug };
            Check("$", CourseRules.CheckCourse(new CourseRules.CourseDetails(entry.Title, entry.Slug, entry.Summary, description, entry.Domain,
                Number(entry.EstimatedMinutes), Number(entry.ValidityMonths), entry.Completion), slugTaken: false), CourseField);
            CourseRules.ApplyCourse(course, new(entry.Title, entry.Slug, entry.Summary, description, entry.Domain,
                Number(entry.EstimatedMinutes), Number(entry.ValidityMonths), entry.Completion));

            var media = new List<(Lesson, MediaSource)>();
            var slugs = new HashSet<string>();
            for (var s = 0; s < entry.Sections.Count; s++)
            {
                var sectionPath = $"$.sections[{s}]";
                var sectionEntry = entry.Sections[s];
                Check(sectionPath, CourseRules.CheckSection(sectionEntry.Title), _ => "title");
                var section = new Section { Position = s + 1, Title = sectionEntry.Title.Trim() };
                course.Sections.Add(section);
                for (var l = 0; l < sectionEntry.Lessons.Count; l++)
                {
                    var path = $"{sectionPath}.lessons[{l}]";
                    var lessonEntry = sectionEntry.Lessons[l];
                    var details = new CourseRules.LessonDetails(lessonEntry.Title, lessonEntry.Slug, lessonEntry.Kind, Number(lessonEntry.Minutes));
                    // Kinds may change between loads of a recipe, so the lesson is checked as a new one; slugs against this file.
                    Check(path, CourseRules.CheckLesson(new Course(), null, details), f => Camel(f));
                    if (!slugs.Add(lessonEntry.Slug)) Fail(path + ".slug", $"Another lesson of this course already uses the slug \"{lessonEntry.Slug}\".");
                    var lesson = new Lesson { Position = l + 1 };
                    CourseRules.ApplyLesson(lesson, details);
                    section.Lessons.Add(lesson);
                    ReadKind(path, lessonEntry, lesson, media);
                }
            }
            var unpublishable = CourseRules.CheckPublishable(course);
            if (unpublishable.Count > 0) Fail("$.sections", unpublishable[0].Message + ".");
            return new Loaded(course, file, media);
        }

        private void ReadKind(string path, LessonFile entry, Lesson lesson, List<(Lesson, MediaSource)> media)
        {
            Unexpected(path, entry, lesson.Kind);
            switch (lesson.Kind)
            {
                case LessonKind.Page:
                    if (entry.Markdown is null) Fail(path, "A page lesson names its Markdown file in \"markdown\".");
                    lesson.Markdown = ReadText(path + ".markdown", entry.Markdown!, ".md");
                    Check(path, CourseRules.CheckMarkdown("Markdown", lesson.Markdown, "The lesson's Markdown file is empty", "The lesson's Markdown"), _ => "markdown");
                    break;
                case LessonKind.Video:
                    if (entry.Video is null) Fail(path, "A video lesson names its video file in \"video\".");
                    if (entry.Captions is null) Fail(path, "A video lesson names its WebVTT captions in \"captions\".");
                    if (entry.Transcript is null) Fail(path, "A video lesson names its transcript's Markdown file in \"transcript\".");
                    var video = MediaFile(path + ".video", entry.Video!, store.CheckVideo);
                    var captions = MediaFile(path + ".captions", entry.Captions!, MediaStore.CheckCaptions);
                    lesson.VideoContentType = MediaStore.VideoContentType(video);
                    lesson.TranscriptMarkdown = ReadText(path + ".transcript", entry.Transcript!, ".md");
                    Check(path, CourseRules.CheckMarkdown("Transcript", lesson.TranscriptMarkdown, "The transcript is empty", "The transcript"), _ => "transcript");
                    // Stored names are known once the files are copied (in Apply); until then the lesson only needs to look complete.
                    lesson.VideoFile = "pending";
                    lesson.CaptionsFile = "pending";
                    media.Add((lesson, new MediaSource(video, captions)));
                    break;
                case LessonKind.Quiz:
                    var settings = new CourseRules.QuizSettings(Number(entry.PassMark), Number(entry.MaxAttempts), entry.Shuffle);
                    Check(path, CourseRules.CheckQuiz(settings), f => Camel(f));
                    CourseRules.ApplyQuiz(lesson, settings);
                    var questions = entry.Questions ?? [];
                    for (var q = 0; q < questions.Count; q++)
                    {
                        var qPath = $"{path}.questions[{q}]";
                        var input = new CourseRules.QuestionInput(questions[q].Text, questions[q].Multiple,
                            questions[q].Options.Select(o => new CourseRules.OptionInput(o.Text, o.Correct, o.Feedback)).ToList());
                        Check(qPath, CourseRules.CheckQuestion(input), QuestionField);
                        var question = new Question { Position = q + 1 };
                        CourseRules.ApplyQuestion(question, input);
                        lesson.Questions.Add(question);
                    }
                    break;
            }
        }

        /// Fields of another kind are refused rather than ignored: they are a typo or a mistaken kind.
        private void Unexpected(string path, LessonFile entry, LessonKind kind)
        {
            var present = new (string Name, bool Set, LessonKind Kind)[]
            {
                ("markdown", entry.Markdown is not null, LessonKind.Page),
                ("video", entry.Video is not null, LessonKind.Video), ("captions", entry.Captions is not null, LessonKind.Video),
                ("transcript", entry.Transcript is not null, LessonKind.Video),
                ("passMark", entry.PassMark is not null, LessonKind.Quiz), ("questions", entry.Questions is not null, LessonKind.Quiz),
            };
            foreach (var (name, set, owner) in present)
                if (set && owner != kind) Fail($"{path}.{name}", $"\"{name}\" belongs to a {owner.ToString().ToLowerInvariant()} lesson, not a {kind.ToString().ToLowerInvariant()} lesson.");
        }

        private string Resolve(string jsonPath, string relative)
        {
            var full = Path.GetFullPath(Path.Combine(folder, relative));
            if (Path.IsPathRooted(relative) || !full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                Fail(jsonPath, $"\"{relative}\" must be a path inside the course's folder.");
            if (!File.Exists(full)) Fail(jsonPath, $"There is no file {relative} in the course's folder.");
            return full;
        }

        private string ReadText(string jsonPath, string relative, string extension)
        {
            if (!relative.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) Fail(jsonPath, $"\"{relative}\" must be a {extension} file.");
            var full = Resolve(jsonPath, relative);
            var text = File.ReadAllText(full);
            // Reported in the Markdown file itself, at the line a person must fix.
            var bad = text.AsSpan().IndexOfAnyExcept("\n\r\t");
            while (bad >= 0 && !char.IsControl(text[bad])) bad = text.AsSpan(bad + 1).IndexOfAnyExcept("\n\r\t") is var next and >= 0 ? bad + 1 + next : -1;
            if (bad >= 0)
                throw new RecipeException($"{relative} contains a control character (U+{(int)text[bad]:X4}).", jsonPath, full, 1 + text[..bad].Count(c => c == '\n'));
            return CourseRules.Normalise(text);
        }

        private string MediaFile(string jsonPath, string relative, Func<string, ReadOnlySpan<byte>, long, string?> check)
        {
            var full = Resolve(jsonPath, relative);
            var length = new FileInfo(full).Length;
            var head = new byte[Math.Min(4096, length)];
            using (var stream = File.OpenRead(full)) stream.ReadExactly(head);
            if (check(relative, head, length) is { } problem) Fail(jsonPath, $"{relative}: {problem}.");
            return full;
        }

        private void Check(string basePath, List<RuleError> errors, Func<string, string> field)
        {
            if (errors.Count > 0) Fail($"{basePath}.{field(errors[0].Field)}", errors[0].Message + ".");
        }

        private void Fail(string jsonPath, string reason) => throw new RecipeException(reason, jsonPath, file, JsonLines.LineOf(bytes, jsonPath));

        private static string CourseField(string field) => field switch
        {
            "CompletionRule" => "completion",
            _ => Camel(field),
        };

        private static string QuestionField(string field) => field.StartsWith("Options[", StringComparison.Ordinal)
            ? "options" + field["Options".Length..].Replace("].Text", "].text", StringComparison.Ordinal).Replace("].Feedback", "].feedback", StringComparison.Ordinal)
            : Camel(field);

        private static string Camel(string field) => char.ToLowerInvariant(field[0]) + field[1..];

        private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
    }
}
