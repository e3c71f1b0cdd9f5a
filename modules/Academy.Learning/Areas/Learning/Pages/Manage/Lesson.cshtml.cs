using System.Globalization;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Learning.Pages.Manage;

/// One lesson's details and content, by kind: a page's Markdown; a video's file, captions and transcript; a quiz's
/// settings and questions. Every field and file is checked before anything is stored.
public sealed class LessonModel(LearningDbContext db, TimeProvider clock, MediaStore media) : AuthoringPage(db, clock)
{
    private const long MaxRequestBytes = MediaStore.VideoRequestLimitBytes + MediaStore.MaxCaptionsBytes + 1024 * 1024;

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string? Minutes { get; set; }
    [BindProperty] public string? Markdown { get; set; }
    [BindProperty] public IFormFile? Video { get; set; }
    [BindProperty] public IFormFile? Captions { get; set; }
    [BindProperty] public string? Transcript { get; set; }
    [BindProperty] public string? PassMark { get; set; }
    [BindProperty] public string? MaxAttempts { get; set; }
    [BindProperty] public bool Shuffle { get; set; }
    public Lesson Lesson { get; private set; } = default!;
    public long MaxVideoMegabytes => media.MaxVideoBytes / 1024 / 1024;

    public async Task<IActionResult> OnGetAsync(int id, int lessonId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, lessonId, cancellationToken)) return NotFound();
        (Title, Slug, Minutes) = (Lesson.Title, Lesson.Slug, Lesson.Minutes.ToString(CultureInfo.InvariantCulture));
        (Markdown, Transcript) = (Lesson.Markdown, Lesson.TranscriptMarkdown);
        (PassMark, MaxAttempts, Shuffle) = (Lesson.PassMark?.ToString(CultureInfo.InvariantCulture), Lesson.MaxAttempts?.ToString(CultureInfo.InvariantCulture), Lesson.Shuffle);
        return Page();
    }

    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
    public async Task<IActionResult> OnPostAsync(int id, int lessonId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, lessonId, cancellationToken)) return NotFound();
        ModelState.Clear();
        var details = new CourseRules.LessonDetails(Title, Slug, Lesson.Kind.ToString(), Minutes);
        AddErrors(CourseRules.CheckLesson(Course, Lesson, details));
        var quiz = new CourseRules.QuizSettings(PassMark, MaxAttempts, Shuffle);
        switch (Lesson.Kind)
        {
            case LessonKind.Page:
                AddErrors(CourseRules.CheckMarkdown(nameof(Markdown), Markdown, "Enter the lesson's text", "The lesson's text"));
                break;
            case LessonKind.Video:
                await CheckFileAsync(Video, nameof(Video), media.CheckVideo, cancellationToken);
                await CheckFileAsync(Captions, nameof(Captions), MediaStore.CheckCaptions, cancellationToken);
                AddErrors(CourseRules.CheckMarkdown(nameof(Transcript), Transcript, "Enter the transcript", "The transcript"));
                break;
            case LessonKind.Quiz:
                AddErrors(CourseRules.CheckQuiz(quiz));
                break;
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        CourseRules.ApplyLesson(Lesson, details);
        switch (Lesson.Kind)
        {
            case LessonKind.Page:
                Lesson.Markdown = CourseRules.Normalise(Markdown);
                break;
            case LessonKind.Video:
                if (Video is not null)
                {
                    await using var video = Video.OpenReadStream();
                    Lesson.VideoFile = await media.SaveAsync(video, Path.GetExtension(Video.FileName), cancellationToken);
                    Lesson.VideoContentType = MediaStore.VideoContentType(Video.FileName);
                }
                if (Captions is not null)
                {
                    await using var captions = Captions.OpenReadStream();
                    Lesson.CaptionsFile = await media.SaveAsync(captions, ".vtt", cancellationToken);
                }
                Lesson.TranscriptMarkdown = CourseRules.Normalise(Transcript);
                break;
            case LessonKind.Quiz:
                CourseRules.ApplyQuiz(Lesson, quiz);
                break;
        }
        await SaveAsync(cancellationToken);
        return Redirect($"{CourseUrl}#sections");
    }

    public async Task<IActionResult> OnPostMoveQuestionAsync(int id, int lessonId, int questionId, int direction, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, lessonId, cancellationToken)) return NotFound();
        var question = Lesson.Questions.SingleOrDefault(q => q.Id == questionId);
        if (question is null || direction is not (-1 or 1)) return NotFound();
        CourseRules.Move(Lesson.Questions, question, direction, q => q.Position, (q, p) => q.Position = p);
        await SaveAsync(cancellationToken);
        return Redirect($"{CourseUrl}/lessons/{lessonId}#questions");
    }

    public async Task<IActionResult> OnPostRemoveQuestionAsync(int id, int lessonId, int questionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, lessonId, cancellationToken)) return NotFound();
        var question = Lesson.Questions.SingleOrDefault(q => q.Id == questionId);
        if (question is null) return NotFound();
        Lesson.Questions.Remove(question);
        CourseRules.Renumber(Lesson.Questions, q => q.Position, (q, p) => q.Position = p);
        await SaveAsync(cancellationToken);
        return Redirect($"{CourseUrl}/lessons/{lessonId}#questions");
    }

    /// A file is optional once the lesson has one (leave it out to keep the current file).
    private async Task CheckFileAsync(IFormFile? file, string field, Func<string, ReadOnlySpan<byte>, long, string?> check, CancellationToken cancellationToken)
    {
        if (file is null) return;
        var head = new byte[Math.Min(4096, file.Length)];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(head, cancellationToken);
        if (check(file.FileName, head, file.Length) is { } problem) ModelState.AddModelError(field, problem);
    }

    private async Task<bool> LoadAsync(int id, int lessonId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Course.Sections.SelectMany(s => s.Lessons).SingleOrDefault(l => l.Id == lessonId) is not { } lesson) return false;
        Lesson = lesson;
        return true;
    }
}
