namespace Academy.Learning.Courses.Recipes;

/// content/courses/&lt;slug&gt;/course.json, as LEARNING.md describes it. Paths are relative to the course's folder.
internal sealed record CourseFile(string Slug, string Title, string Summary, string? Description, string Domain,
    int EstimatedMinutes, int ValidityMonths, string Completion, List<SectionFile> Sections);

internal sealed record SectionFile(string Title, List<LessonFile> Lessons);

internal sealed record LessonFile(string Slug, string Title, string Kind, int Minutes,
    string? Markdown = null,
    string? Video = null, string? Captions = null, string? Transcript = null,
    int? PassMark = null, int? MaxAttempts = null, bool Shuffle = false, List<QuestionFile>? Questions = null);

internal sealed record QuestionFile(string Text, bool Multiple, List<OptionFile> Options);

internal sealed record OptionFile(string Text, bool Correct, string? Feedback = null);
