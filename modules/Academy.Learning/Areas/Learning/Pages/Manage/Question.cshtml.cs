using Academy.Learning.Courses;
using Academy.Learning.Data;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Learning.Pages.Manage;

public sealed class QuestionModel(LearningDbContext db, TimeProvider clock) : QuestionFormPage(db, clock)
{
    public Question Question { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, int lessonId, int questionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, lessonId, questionId, cancellationToken)) return NotFound();
        Fill(Question);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int lessonId, int questionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, lessonId, questionId, cancellationToken)) return NotFound();
        await ApplyAsync(Question, cancellationToken);
        await SaveAsync(cancellationToken);
        return Redirect(LessonUrl + "#questions");
    }

    private async Task<bool> LoadAsync(int id, int lessonId, int questionId, CancellationToken cancellationToken)
    {
        if (!await LoadQuizAsync(id, lessonId, cancellationToken) || Lesson.Questions.SingleOrDefault(q => q.Id == questionId) is not { } question) return false;
        Question = question;
        return true;
    }
}
