using Academy.Exemplars.Data;
using FluentValidation;

namespace Academy.Exemplars.Pages.Lessons;

/// The lesson form's checks, for writing a lesson and changing a draft (LessonFormPage). Call LoadMilestoneOptionsAsync
/// first: a lesson may name a milestone of its own trust only.
public sealed class LessonFormValidator : AbstractValidator<LessonFormPage>
{
    public LessonFormValidator()
    {
        RuleFor(p => p.Title).NotEmpty().WithMessage("Enter a title");
        RuleFor(p => p.CapabilityArea).Must(a => Enum.TryParse<CapabilityArea>(a, out var area) && Enum.IsDefined(area)).WithMessage("Select a capability area");
        RuleFor(p => p.Context).NotEmpty().WithMessage("Enter the context");
        RuleFor(p => p.WhatHappened).NotEmpty().WithMessage("Enter what happened");
        RuleFor(p => p.WhatToRepeat).Must((p, repeat) => !string.IsNullOrWhiteSpace(repeat) || !string.IsNullOrWhiteSpace(p.WhatToDoDifferently))
            .WithMessage("Enter what to repeat, what to do differently, or both");
        RuleFor(p => p.MilestoneId).Must((p, id) => string.IsNullOrEmpty(id) || (int.TryParse(id, out _) && p.MilestoneOptions.Any(o => o.Value == id)))
            .WithMessage("Select a milestone from the list");
    }
}
