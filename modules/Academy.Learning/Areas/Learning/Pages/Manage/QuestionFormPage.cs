using System.Text.RegularExpressions;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Theme.Nhs.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Learning.Pages.Manage;

/// A quiz question as typed: its text, whether several answers may be chosen, and up to CourseRules.MaxOptions
/// answer rows (empty rows are ignored). Shared by NewQuestion and Question, with the fields in _QuestionFields.cshtml.
public abstract partial class QuestionFormPage(LearningDbContext db, TimeProvider clock) : AuthoringPage(db, clock)
{
    public sealed class OptionRow
    {
        public string? Text { get; set; }
        public bool Correct { get; set; }
        public string? Feedback { get; set; }
    }

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public bool Multiple { get; set; }
    [BindProperty] public List<OptionRow> Options { get; set; } = [];
    public Lesson Lesson { get; private set; } = default!;
    public string LessonUrl => Url.Page("/Manage/Lesson", new { area = "Learning", id = Course.Id, lessonId = Lesson.Id })!;

    protected async Task<bool> LoadQuizAsync(int id, int lessonId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return false;
        var lesson = Course.Sections.SelectMany(s => s.Lessons).SingleOrDefault(l => l.Id == lessonId && l.Kind == LessonKind.Quiz);
        if (lesson is null) return false;
        Lesson = lesson;
        return true;
    }

    protected void Fill(Question question)
    {
        (Text, Multiple) = (question.Text, question.Multiple);
        Options = question.Options.OrderBy(o => o.Position).Select(o => new OptionRow { Text = o.Text, Correct = o.Correct, Feedback = o.Feedback }).ToList();
        Pad();
    }

    protected void Pad()
    {
        if (Options.Count > CourseRules.MaxOptions) Options = Options.Take(CourseRules.MaxOptions).ToList();
        while (Options.Count < CourseRules.MaxOptions) Options.Add(new OptionRow());
    }

    /// The rows the author typed in (empty ones ignored), by their place on the form, and the question they make.
    internal bool TooManyOptions { get; private set; }
    private List<int> typedRows = [];
    private CourseRules.QuestionInput typed = default!;

    /// Checks the form (QuestionFormValidator); applies it to the question, or shows the page again with its errors.
    protected async Task ApplyAsync(Question question, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        TooManyOptions = Options.Count > CourseRules.MaxOptions;
        var rows = Options.Select((o, i) => (Row: o, Index: i))
            .Where(r => !string.IsNullOrWhiteSpace(r.Row.Text) || !string.IsNullOrWhiteSpace(r.Row.Feedback) || r.Row.Correct).ToList();
        typedRows = rows.Select(r => r.Index).ToList();
        typed = new CourseRules.QuestionInput(Text, Multiple, rows.Select(r => new CourseRules.OptionInput(r.Row.Text, r.Row.Correct, r.Row.Feedback)).ToList());
        Pad();
        await this.ThrowIfInvalidAsync(new QuestionFormValidator(), cancellationToken);
        CourseRules.ApplyQuestion(question, typed);
    }

    /// CourseRules' errors name the row among those typed in; the page names it by its place on the form.
    internal IEnumerable<RuleError> QuestionErrors() => CourseRules.CheckQuestion(typed).Select(e => RowOf().Match(e.Field) is { Success: true } m
        ? e with { Field = $"Options[{typedRows[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]}].{m.Groups[2].Value}" }
        : e);

    [GeneratedRegex(@"^Options\[(\d+)\]\.(\w+)$")]
    private static partial Regex RowOf();
}
