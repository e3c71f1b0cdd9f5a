using Academy.Theme.Nhs.Forms;
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
    [MaxChars(200, "Title")] public string? Title { get; set; }
    public string? CapabilityArea { get; set; }
    [MaxChars(100, "Who the blueprint is for")] public string? UserType { get; set; }
    [MaxChars(100, "Care setting")] public string? CareSetting { get; set; }
    [MaxChars(100, "Project type")] public string? ProjectType { get; set; }

    public static BlueprintForm From(Blueprint b) => new()
    {
        Title = b.Title, CapabilityArea = b.CapabilityArea.ToString(), UserType = b.UserType, CareSetting = b.CareSetting, ProjectType = b.ProjectType,
    };

    /// Checks every rule, adding errors in the order the form shows its fields; copies the values into the
    /// blueprint only when all pass, so that nothing is half-written. The blueprint's lessons are loaded.
    public bool TryApply(ModelStateDictionary state, Blueprint blueprint)
    {
        const string p = "Form.";
        Required(state, p + nameof(Title), Title, "Enter a title");
        var areaOk = Enum.TryParse<CapabilityArea>(CapabilityArea, out var area) && Enum.IsDefined(area);
        if (!areaOk) state.AddModelError(p + nameof(CapabilityArea), "Select a capability area");
        // Every lesson of a blueprint is of its capability area.
        else if (area != blueprint.CapabilityArea && blueprint.Lessons.Count > 0)
            state.AddModelError(p + nameof(CapabilityArea), "Remove the lessons before you change the capability area");
        Required(state, p + nameof(UserType), UserType, "Enter who the blueprint is for");
        Required(state, p + nameof(CareSetting), CareSetting, "Enter the care setting");
        Required(state, p + nameof(ProjectType), ProjectType, "Enter the project type");

        if (!state.IsValid) return false;
        blueprint.Title = Title!.Trim();
        blueprint.CapabilityArea = area;
        blueprint.UserType = UserType!.Trim();
        blueprint.CareSetting = CareSetting!.Trim();
        blueprint.ProjectType = ProjectType!.Trim();
        return true;
    }

    // Lengths are checked by [MaxChars] as the form is bound.
    private static void Required(ModelStateDictionary state, string key, string? value, string empty)
    {
        if (string.IsNullOrWhiteSpace(value)) state.AddModelError(key, empty);
    }
}
