using Academy.Learning.Courses;
using Academy.Learning.Data;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Learning.Pages.Manage;

public sealed class NewQuestionModel(LearningDbContext db, TimeProvider clock) : QuestionFormPage(db, clock)
{
    public async Task<IActionResult> OnGetAsync(int id, int lessonId, CancellationToken cancellationToken)
    {
        if (!await LoadQuizAsync(id, lessonId, cancellationToken)) return NotFound();
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int lessonId, CancellationToken cancellationToken)
    {
        if (!await LoadQuizAsync(id, lessonId, cancellationToken)) return NotFound();
        var question = new Question { Position = Lesson.Questions.Count + 1 };
        await ApplyAsync(question, cancellationToken);
        Lesson.Questions.Add(question);
        await SaveAsync(cancellationToken);
        return Redirect(LessonUrl + "#questions");
    }
}
