using Academy.Exemplars.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Academy.Exemplars.Pages.Blueprints;

public interface IBlueprintFormPage
{
    BlueprintForm Form { get; }
}

/// The details of a blueprint as typed, and the rules that turn them into a blueprint.
public sealed class BlueprintForm
{
    public string? Title { get; set; }
    public string? CapabilityArea { get; set; }
    public string? UserType { get; set; }
    public string? CareSetting { get; set; }
    public string? ProjectType { get; set; }

    public static BlueprintForm From(Blueprint b) => new()
    {
        Title = b.Title, CapabilityArea = b.CapabilityArea.ToString(), UserType = b.UserType, CareSetting = b.CareSetting, ProjectType = b.ProjectType,
    };

    /// Checks every rule, adding errors in the order the form shows its fields; copies the values into the
    /// blueprint only when all pass, so that nothing is half-written. The blueprint's lessons are loaded.
    public bool TryApply(ModelStateDictionary state, Blueprint blueprint)
    {
        const string p = "Form.";
        Text(state, p + nameof(Title), Title, "Enter a title", "Title", 200);
        var areaOk = Enum.TryParse<CapabilityArea>(CapabilityArea, out var area) && Enum.IsDefined(area);
        if (!areaOk) state.AddModelError(p + nameof(CapabilityArea), "Select a capability area");
        // Every lesson of a blueprint is of its capability area.
        else if (area != blueprint.CapabilityArea && blueprint.Lessons.Count > 0)
            state.AddModelError(p + nameof(CapabilityArea), "Remove the lessons before you change the capability area");
        Text(state, p + nameof(UserType), UserType, "Enter who the blueprint is for", "Who the blueprint is for", 100);
        Text(state, p + nameof(CareSetting), CareSetting, "Enter the care setting", "Care setting", 100);
        Text(state, p + nameof(ProjectType), ProjectType, "Enter the project type", "Project type", 100);

        if (!state.IsValid) return false;
        blueprint.Title = Title!.Trim();
        blueprint.CapabilityArea = area;
        blueprint.UserType = UserType!.Trim();
        blueprint.CareSetting = CareSetting!.Trim();
        blueprint.ProjectType = ProjectType!.Trim();
        return true;
    }

    private static void Text(ModelStateDictionary state, string key, string? value, string empty, string name, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) state.AddModelError(key, empty);
        else if (value.Trim().Length > max) state.AddModelError(key, $"{name} must be {max} characters or fewer");
    }
}
