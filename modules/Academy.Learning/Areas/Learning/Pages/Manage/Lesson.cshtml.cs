using System.Globalization;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Theme.Nhs.Forms;
using FluentValidation;
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
        await this.ThrowIfInvalidAsync(new Validator(media), cancellationToken);

        CourseRules.ApplyLesson(Lesson, Details);
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
                CourseRules.ApplyQuiz(Lesson, Quiz);
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
        return RedirectToPage("/Manage/Lesson", null, new { id = Course.Id, lessonId }, "questions");
    }

    public async Task<IActionResult> OnPostRemoveQuestionAsync(int id, int lessonId, int questionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, lessonId, cancellationToken)) return NotFound();
        var question = Lesson.Questions.SingleOrDefault(q => q.Id == questionId);
        if (question is null) return NotFound();
        Lesson.Questions.Remove(question);
        CourseRules.Renumber(Lesson.Questions, q => q.Position, (q, p) => q.Position = p);
        await SaveAsync(cancellationToken);
        return RedirectToPage("/Manage/Lesson", null, new { id = Course.Id, lessonId }, "questions");
    }

    private CourseRules.LessonDetails Details => new(Title, Slug, Lesson.Kind.ToString(), Minutes);
    private CourseRules.QuizSettings Quiz => new(PassMark, MaxAttempts, Shuffle);

    /// The fields of the lesson's kind only; every file is checked by its first bytes before anything is stored.
    public sealed class Validator : AbstractValidator<LessonModel>
    {
        public Validator(MediaStore media)
        {
            this.RuleErrors(p => CourseRules.CheckLesson(p.Course, p.Lesson, p.Details));
            When(p => p.Lesson.Kind == LessonKind.Page, () =>
                this.RuleErrors(p => CourseRules.CheckMarkdown(nameof(Markdown), p.Markdown, "Enter the lesson's text", "The lesson's text")));
            When(p => p.Lesson.Kind == LessonKind.Video, () =>
            {
                RuleFor(p => p.Video).CustomAsync(async (file, context, cancellationToken) =>
                {
                    if (await FileProblemAsync(file, media.CheckVideo, cancellationToken) is { } problem) context.AddFailure(problem);
                });
                RuleFor(p => p.Captions).CustomAsync(async (file, context, cancellationToken) =>
                {
                    if (await FileProblemAsync(file, MediaStore.CheckCaptions, cancellationToken) is { } problem) context.AddFailure(problem);
                });
                this.RuleErrors(p => CourseRules.CheckMarkdown(nameof(Transcript), p.Transcript, "Enter the transcript", "The transcript"));
            });
            When(p => p.Lesson.Kind == LessonKind.Quiz, () => this.RuleErrors(p => CourseRules.CheckQuiz(p.Quiz)));
        }
    }

    /// A file is optional once the lesson has one (leave it out to keep the current file).
    private static async Task<string?> FileProblemAsync(IFormFile? file, Func<string, ReadOnlySpan<byte>, long, string?> check, CancellationToken cancellationToken)
    {
        if (file is null) return null;
        var head = new byte[Math.Min(4096, file.Length)];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(head, cancellationToken);
        return check(file.FileName, head, file.Length);
    }

    private async Task<bool> LoadAsync(int id, int lessonId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Course.Sections.SelectMany(s => s.Lessons).SingleOrDefault(l => l.Id == lessonId) is not { } lesson) return false;
        Lesson = lesson;
        return true;
    }
}
