using Academy.Exemplars.Data;
using Academy.Exemplars.Milestones;
using FluentValidation;

namespace Academy.Exemplars.Pages.Milestones;

/// The milestone form's checks, for a new milestone and a changed one (the field keys are "Form.Title" and so on).
/// The milestone's own rules (its dates within the programme, its status against its dates and evidence) are MilestoneRules'.
public sealed class MilestoneFormValidator<TPage> : AbstractValidator<TPage> where TPage : IMilestoneFormPage
{
    public MilestoneFormValidator(Programme programme, int evidenceCount, DateOnly today)
    {
        RuleFor(p => p.Form.CapabilityArea).Must(a => Enum.TryParse<CapabilityArea>(a, out var area) && Enum.IsDefined(area)).WithMessage("Select a capability area");
        RuleFor(p => p.Form.Title).NotEmpty().WithMessage("Enter a title");
        RuleFor(p => p.Form.BaselineDate).Custom((text, context) =>
        {
            var (baseline, problem) = Input.ParseDate(text, "the baseline date");
            if ((problem ?? MilestoneRules.DateProblem(programme, baseline, "baseline")) is { } message) context.AddFailure(message);
        });
        RuleFor(p => p.Form.ForecastDate).Custom((text, context) =>
        {
            var (forecast, problem) = Input.ParseDate(text, "the forecast date");
            if ((problem ?? MilestoneRules.DateProblem(programme, forecast, "forecast")) is { } message) context.AddFailure(message);
        });
        RuleFor(p => p.Form.ActualDate).Custom((text, context) =>
        {
            var (actual, problem) = Input.ParseDate(text, "the date achieved", required: false);
            var status = Status(context.InstanceToValidate.Form);
            var message = problem
                ?? (actual > today ? "The date achieved must be today or in the past"
                : status == MilestoneStatus.Achieved && actual is null ? "Enter the date the milestone was achieved"
                : status is { } s && s != MilestoneStatus.Achieved && actual is not null ? "Remove the date achieved, or mark the milestone achieved"
                : null);
            if (message is not null) context.AddFailure(message);
        });
        RuleFor(p => p.Form.Status).Custom((_, context) =>
        {
            var form = context.InstanceToValidate.Form;
            var message = Status(form) switch
            {
                null => "Select a status",
                MilestoneStatus.Achieved => MilestoneRules.AchievedProblem(evidenceCount),
                var status => MilestoneRules.StatusProblem(status.Value, form.Forecast, form.Baseline),
            };
            if (message is not null) context.AddFailure(message);
        });
    }

    private static MilestoneStatus? Status(MilestoneForm form) =>
        Enum.TryParse<MilestoneStatus>(form.Status, out var status) && Enum.IsDefined(status) ? status : null;
}
