using Academy.Exemplars.Blueprints;
using Academy.Exemplars.Data;
using FluentValidation;

namespace Academy.Exemplars.Pages.Blueprints;

/// The blueprint details form's checks, for a new blueprint and a draft's details (the field keys are "Form.Title" and
/// so on). blueprint: the one the details are for, with its lessons loaded (none for a new one).
public sealed class BlueprintFormValidator<TPage> : AbstractValidator<TPage> where TPage : IBlueprintFormPage
{
    public BlueprintFormValidator(Blueprint blueprint)
    {
        RuleFor(p => p.Form.Title).NotEmpty().WithMessage("Enter a title");
        RuleFor(p => p.Form.CapabilityArea).Custom((text, context) =>
        {
            var message = Enum.TryParse<CapabilityArea>(text, out var area) && Enum.IsDefined(area)
                ? BlueprintRules.AreaChangeProblem(blueprint, area) : "Select a capability area";
            if (message is not null) context.AddFailure(message);
        });
        RuleFor(p => p.Form.UserType).NotEmpty().WithMessage("Enter who the blueprint is for");
        RuleFor(p => p.Form.CareSetting).NotEmpty().WithMessage("Enter the care setting");
        RuleFor(p => p.Form.ProjectType).NotEmpty().WithMessage("Enter the project type");
    }
}
