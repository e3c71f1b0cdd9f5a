using Academy.Theme.Nhs.Forms;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Academy.Learning.Courses;

/// A rule broken by a value: the field (the form's and, camel-cased, the recipe's name for it) and what to do about it.
public sealed record RuleError(string Field, string Message);

/// The authoring rules of a course, in one place: the authoring pages and the recipe step both check and
/// apply values through these, so a course from a recipe obeys exactly what a course typed in a page obeys.
/// Check* methods return every broken rule in field order and change nothing; Apply* copy values that passed.
public static partial class CourseRules
{
    public const int SlugMaxLength = 100;
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 500;
    public const int TextMaxLength = 2000;
    public const int MarkdownMaxLength = 100_000;
    public const int MaxEstimatedMinutes = 6000;
    public const int MaxLessonMinutes = 600;
    public const int MaxValidityMonths = 120;
    public const int MaxOptions = 8;

    public sealed record CourseDetails(string? Title, string? Slug, string? Summary, string? Description, string? Domain,
        string? EstimatedMinutes, string? ValidityMonths, string? CompletionRule);

    public sealed record LessonDetails(string? Title, string? Slug, string? Kind, string? Minutes);

    public sealed record QuizSettings(string? PassMark, string? MaxAttempts, bool Shuffle);

    public sealed record OptionInput(string? Text, bool Correct, string? Feedback);

    public sealed record QuestionInput(string? Text, bool Multiple, IReadOnlyList<OptionInput> Options);

    /// slugTaken: another course already has this slug (the caller asks the database). existing: the course being changed, if any.
    public static List<RuleError> CheckCourse(CourseDetails d, bool slugTaken, Course? existing = null)
    {
        var errors = new List<RuleError>();
        Text(errors, "Title", d.Title, TitleMaxLength, "Enter a title", "Title");
        // The slug names the course in every xAPI statement and certificate: fixed once learners have seen it.
        var locked = existing is { PublishedAt: not null } && d.Slug?.Trim() != existing.Slug;
        Slug(errors, "Slug", d.Slug, "Enter a web address name",
            locked ? "The web address name cannot change once the course has been published" : slugTaken ? "Another course already uses this web address name" : null);
        Text(errors, "Summary", d.Summary, SummaryMaxLength, "Enter a summary", "Summary");
        Text(errors, "Description", d.Description, MarkdownMaxLength, required: null, "Description", multiline: true);
        if (CapabilityDomains.FromKey(d.Domain) is null) errors.Add(new("Domain", "Select a capability domain"));
        Whole(errors, "EstimatedMinutes", d.EstimatedMinutes, 1, MaxEstimatedMinutes, "Enter the estimated length in minutes", "Estimated length");
        Whole(errors, "ValidityMonths", d.ValidityMonths, 0, MaxValidityMonths, "Enter how many months a completion is valid for (0 if it never expires)", "Validity");
        Text(errors, "CompletionRule", d.CompletionRule, SummaryMaxLength, "Enter what completing the course needs", "What completing the course needs", multiline: true);
        return errors;
    }

    public static void ApplyCourse(Course course, CourseDetails d)
    {
        course.Title = d.Title!.Trim();
        course.Slug = d.Slug!.Trim();
        course.Summary = d.Summary!.Trim();
        course.Description = Normalise(d.Description);
        course.Domain = CapabilityDomains.FromKey(d.Domain)!.Value;
        course.EstimatedMinutes = int.Parse(d.EstimatedMinutes!.Trim(), CultureInfo.InvariantCulture);
        course.ValidityMonths = int.Parse(d.ValidityMonths!.Trim(), CultureInfo.InvariantCulture);
        course.CompletionRule = d.CompletionRule!.Trim();
    }

    public static List<RuleError> CheckSection(string? title)
    {
        var errors = new List<RuleError>();
        Text(errors, "Title", title, TitleMaxLength, "Enter a section title", "Section title");
        return errors;
    }

    /// A lesson's slug is unique within its course: pass the course with its sections and lessons, and the lesson itself when it exists.
    public static List<RuleError> CheckLesson(Course course, Lesson? lesson, LessonDetails d)
    {
        var errors = new List<RuleError>();
        Text(errors, "Title", d.Title, TitleMaxLength, "Enter a lesson title", "Lesson title");
        var taken = d.Slug is not null && course.Sections.SelectMany(s => s.Lessons).Any(l => l != lesson && l.Slug == d.Slug.Trim());
        var locked = lesson is not null && course.PublishedAt is not null && d.Slug?.Trim() != lesson.Slug;
        Slug(errors, "Slug", d.Slug, "Enter a web address name",
            locked ? "The web address name cannot change once the course has been published" : taken ? "Another lesson of this course already uses this web address name" : null);
        if (!Enum.TryParse<LessonKind>(d.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || d.Kind!.Any(char.IsDigit)
            || (kind == LessonKind.Au && lesson?.Kind != LessonKind.Au))
            errors.Add(new("Kind", "Select the kind of lesson"));
        else if (lesson is not null && lesson.Kind != kind)
            errors.Add(new("Kind", "A lesson keeps its kind: add a new lesson of the other kind instead"));
        Whole(errors, "Minutes", d.Minutes, 1, MaxLessonMinutes, "Enter how many minutes the lesson takes", "Minutes");
        return errors;
    }

    public static void ApplyLesson(Lesson lesson, LessonDetails d)
    {
        lesson.Title = d.Title!.Trim();
        lesson.Slug = d.Slug!.Trim();
        lesson.Kind = Enum.Parse<LessonKind>(d.Kind!, ignoreCase: true);
        lesson.Minutes = int.Parse(d.Minutes!.Trim(), CultureInfo.InvariantCulture);
    }

    public static List<RuleError> CheckMarkdown(string field, string? markdown, string required, string name)
    {
        var errors = new List<RuleError>();
        Text(errors, field, markdown, MarkdownMaxLength, required, name, multiline: true);
        return errors;
    }

    public static List<RuleError> CheckQuiz(QuizSettings q)
    {
        var errors = new List<RuleError>();
        Whole(errors, "PassMark", q.PassMark, 1, 100, "Enter a pass mark from 1 to 100", "Pass mark");
        if (!string.IsNullOrWhiteSpace(q.MaxAttempts)) Whole(errors, "MaxAttempts", q.MaxAttempts, 1, 100, "", "Attempts allowed");
        return errors;
    }

    public static void ApplyQuiz(Lesson lesson, QuizSettings q)
    {
        lesson.PassMark = int.Parse(q.PassMark!.Trim(), CultureInfo.InvariantCulture);
        lesson.MaxAttempts = string.IsNullOrWhiteSpace(q.MaxAttempts) ? null : int.Parse(q.MaxAttempts.Trim(), CultureInfo.InvariantCulture);
        lesson.Shuffle = q.Shuffle;
    }

    /// Options are the non-empty rows, in order; errors on an option name its row ("Options[2].Text").
    public static List<RuleError> CheckQuestion(QuestionInput q)
    {
        var errors = new List<RuleError>();
        Text(errors, "Text", q.Text, TextMaxLength, "Enter the question", "Question", multiline: true);
        if (q.Options.Count > MaxOptions) errors.Add(new("Options", $"A question has at most {MaxOptions} answers"));
        for (var i = 0; i < q.Options.Count; i++)
        {
            var o = q.Options[i];
            Text(errors, $"Options[{i}].Text", o.Text, TextMaxLength, "Enter the answer", $"Answer {i + 1}", multiline: true);
            Text(errors, $"Options[{i}].Feedback", o.Feedback, TextMaxLength, required: null, $"Feedback for answer {i + 1}", multiline: true);
        }
        var correct = q.Options.Count(o => o.Correct);
        if (q.Options.Count < 2) errors.Add(new("Options", "Enter at least 2 answers"));
        else if (correct == 0) errors.Add(new("Options", "Mark at least one answer as correct"));
        else if (!q.Multiple && correct > 1) errors.Add(new("Options", "Mark only one answer as correct, or let learners choose more than one"));
        return errors;
    }

    /// Updates the question's options in place (by position), so option ids stay stable where rows stay.
    public static void ApplyQuestion(Question question, QuestionInput q)
    {
        question.Text = q.Text!.Trim();
        question.Multiple = q.Multiple;
        for (var i = 0; i < q.Options.Count; i++)
        {
            var option = question.Options.SingleOrDefault(o => o.Position == i + 1);
            if (option is null) question.Options.Add(option = new Option { Position = i + 1 });
            option.Text = q.Options[i].Text!.Trim();
            option.Correct = q.Options[i].Correct;
            option.Feedback = Normalise(q.Options[i].Feedback);
        }
        question.Options.RemoveAll(o => o.Position > q.Options.Count);
    }

    /// What a course needs before learners can see it. The course is loaded with sections, lessons, questions and options.
    public static List<RuleError> CheckPublishable(Course course)
    {
        var errors = new List<RuleError>();
        var lessons = course.Sections.SelectMany(s => s.Lessons).ToList();
        if (lessons.Count == 0) errors.Add(new("Sections", "Add at least one lesson before publishing"));
        foreach (var section in course.Sections.Where(s => s.Lessons.Count == 0))
            errors.Add(new("Sections", $"Add a lesson to the section \u201c{section.Title}\u201d or remove the section"));
        foreach (var lesson in lessons)
        {
            var problem = lesson.Kind switch
            {
                LessonKind.Page when string.IsNullOrWhiteSpace(lesson.Markdown) => "has no content",
                LessonKind.Video when lesson.VideoFile is null => "has no video file",
                LessonKind.Video when lesson.CaptionsFile is null => "has no captions",
                LessonKind.Video when string.IsNullOrWhiteSpace(lesson.TranscriptMarkdown) => "has no transcript",
                LessonKind.Quiz when lesson.PassMark is null => "has no pass mark",
                LessonKind.Quiz when lesson.Questions.Count == 0 => "has no questions",
                _ => null,
            };
            if (problem is not null) errors.Add(new("Sections", $"The lesson \u201c{lesson.Title}\u201d {problem}"));
        }
        return errors;
    }

    /// A lesson of a course that has been published is never removed: learners' records and statements name it.
    public static RuleError? CheckRemoveLesson(Course course, Lesson lesson) => course.PublishedAt is null ? null
        : new RuleError("Sections", $"The lesson \u201c{lesson.Title}\u201d cannot be removed: the course has been published, and learners' records name it");

    /// A section is removed once it holds no lessons.
    public static RuleError? CheckRemoveSection(Section section) => section.Lessons.Count == 0 ? null
        : new RuleError("Sections", $"Move or remove the lessons of \u201c{section.Title}\u201d before removing it");

    public static void Publish(Course course, DateTimeOffset now)
    {
        if (CheckPublishable(course) is { Count: > 0 } errors) throw new InvalidOperationException(errors[0].Message);
        course.Status = CourseStatus.Published;
        course.PublishedAt = now;
        course.UpdatedAt = now;
    }

    /// A retired course leaves the catalogue; people already enrolled keep their enrolment and records.
    public static void Retire(Course course, DateTimeOffset now)
    {
        course.Status = CourseStatus.Retired;
        course.UpdatedAt = now;
    }

    /// Call after changing a course: records the change, and gives a published course a new version when
    /// what learners see differs from <paramref name="before"/> (its <see cref="Fingerprint"/> before the change).
    public static bool Changed(Course course, string before, DateTimeOffset now)
    {
        var after = Fingerprint(course);
        if (after == before) return false;
        if (course.Status == CourseStatus.Published) course.Version++;
        course.UpdatedAt = now;
        return true;
    }

    /// A hash of everything a learner sees of the course (the course loaded with every child), in order.
    public static string Fingerprint(Course course)
    {
        var text = new StringBuilder();
        void Add(object? value) => text.Append(Convert.ToString(value, CultureInfo.InvariantCulture)?.Replace("\u001f", "", StringComparison.Ordinal)).Append('\u001f');
        foreach (var v in new object?[] { course.Slug, course.Title, course.Summary, course.Description, course.Domain, course.EstimatedMinutes, course.ValidityMonths, course.CompletionRule })
            Add(v);
        foreach (var section in course.Sections.OrderBy(s => s.Position))
        {
            Add("section"); Add(section.Title);
            foreach (var lesson in section.Lessons.OrderBy(l => l.Position))
            {
                foreach (var v in new object?[] { "lesson", lesson.Slug, lesson.Title, lesson.Kind, lesson.Minutes, lesson.Markdown, lesson.VideoFile, lesson.VideoContentType,
                    lesson.CaptionsFile, lesson.TranscriptMarkdown, lesson.PassMark, lesson.MaxAttempts, lesson.Shuffle })
                    Add(v);
                foreach (var question in lesson.Questions.OrderBy(q => q.Position))
                {
                    Add("question"); Add(question.Text); Add(question.Multiple);
                    foreach (var option in question.Options.OrderBy(o => o.Position)) { Add(option.Text); Add(option.Correct); Add(option.Feedback); }
                }
            }
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// Gives the children of a list positions 1, 2, 3... in their current order (after an insert, move or removal).
    public static void Renumber<T>(IEnumerable<T> items, Func<T, int> position, Action<T, int> set)
    {
        var n = 1;
        foreach (var item in items.OrderBy(position).ToList()) set(item, n++);
    }

    /// Moves an item one place up (-1) or down (+1) among its siblings; false when it is already at that end.
    public static bool Move<T>(List<T> siblings, T item, int direction, Func<T, int> position, Action<T, int> set)
    {
        var ordered = siblings.OrderBy(position).ToList();
        var index = ordered.IndexOf(item);
        var target = index + direction;
        if (index < 0 || target < 0 || target >= ordered.Count) return false;
        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var i = 0; i < ordered.Count; i++) set(ordered[i], i + 1);
        return true;
    }

    /// Control characters (other than tab and line breaks in multi-line text) are refused: they are never typed,
    /// only pasted or forged, and they break text in pages, CSV exports and PDFs alike.
    /// The site's rule for what no text field may hold (control characters, text-direction overrides, lone surrogates:
    /// PlainText), and line breaks and tabs in a one-line field. Pages that clear the binder's errors still get it here.
    public static bool HasControlCharacters(string value, bool multiline) =>
        PlainText.HasHiddenCharacters(value) || value.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    public static bool IsSlug(string? value) => value is { Length: > 0 and <= SlugMaxLength } && SlugPattern().IsMatch(value);

    private static void Text(List<RuleError> errors, string field, string? value, int max, string? required, string name, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required is not null) errors.Add(new(field, required));
        }
        else if (value.Trim().Length > max) errors.Add(new(field, $"{name} must be {max:N0} characters or fewer"));
        else if (HasControlCharacters(value, multiline)) errors.Add(new(field, $"{name} must not contain control characters"));
    }

    private static void Slug(List<RuleError> errors, string field, string? value, string required, string? taken)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(new(field, required));
        else if (!IsSlug(value.Trim())) errors.Add(new(field, $"Web address name must be lower-case letters, digits and single hyphens, up to {SlugMaxLength} characters"));
        else if (taken is not null) errors.Add(new(field, taken));
    }

    private static void Whole(List<RuleError> errors, string field, string? value, int min, int max, string required, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(new(field, required));
        else if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) errors.Add(new(field, $"{name} must be a whole number"));
        else if (n < min || n > max) errors.Add(new(field, $"{name} must be between {min} and {max:N0}"));
    }

    public static string Normalise(string? text) => (text ?? "").Trim().ReplaceLineEndings("\n");
}
