using Academy.Learning.Courses;
using FluentValidation;

namespace Academy.Learning.Pages.Manage;

/// The quiz question form of NewQuestion and Question (QuestionFormPage): the question's rules are CourseRules'.
public sealed class QuestionFormValidator : AbstractValidator<QuestionFormPage>
{
    public QuestionFormValidator()
    {
        RuleFor(p => p.Options).Must((p, _) => !p.TooManyOptions).WithMessage($"A question has at most {CourseRules.MaxOptions} answers");
        When(p => !p.TooManyOptions, () => this.RuleErrors(p => p.QuestionErrors()));
    }
}
