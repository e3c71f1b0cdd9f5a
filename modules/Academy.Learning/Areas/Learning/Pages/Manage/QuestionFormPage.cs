using System.Text.RegularExpressions;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Microsoft.AspNetCore.Http;
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
    public string LessonUrl => $"{CourseUrl}/lessons/{Lesson.Id}";

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

    /// Checks the form; on success applies it to the question and returns true. Errors name the row the author typed in.
    protected bool TryApply(Question question)
    {
        ModelState.Clear();
        if (Options.Count > CourseRules.MaxOptions)
        {
            ModelState.AddModelError("Options", $"A question has at most {CourseRules.MaxOptions} answers");
            Pad();
            return false;
        }
        var rows = Options.Select((o, i) => (Row: o, Index: i))
            .Where(r => !string.IsNullOrWhiteSpace(r.Row.Text) || !string.IsNullOrWhiteSpace(r.Row.Feedback) || r.Row.Correct).ToList();
        var input = new CourseRules.QuestionInput(Text, Multiple, rows.Select(r => new CourseRules.OptionInput(r.Row.Text, r.Row.Correct, r.Row.Feedback)).ToList());
        var errors = CourseRules.CheckQuestion(input).Select(e => RowOf().Match(e.Field) is { Success: true } m
            ? e with { Field = $"Options[{rows[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)].Index}].{m.Groups[2].Value}" }
            : e);
        Pad();
        if (!AddErrors(errors))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }
        CourseRules.ApplyQuestion(question, input);
        return true;
    }

    [GeneratedRegex(@"^Options\[(\d+)\]\.(\w+)$")]
    private static partial Regex RowOf();
}
