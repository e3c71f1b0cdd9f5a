using Academy.Theme.Nhs.Forms;
using Academy.Exemplars.Data;

namespace Academy.Exemplars.Pages.Blueprints;

public interface IBlueprintFormPage
{
    BlueprintForm Form { get; }
}

/// The details of a blueprint as typed (checked by BlueprintFormValidator; lengths by [MaxChars] as the form is bound).
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

    /// Copies the values into the blueprint; call it once BlueprintFormValidator has passed, so that nothing is half-written.
    public void Apply(Blueprint blueprint)
    {
        blueprint.Title = Title!.Trim();
        blueprint.CapabilityArea = Enum.Parse<CapabilityArea>(CapabilityArea!);
        blueprint.UserType = UserType!.Trim();
        blueprint.CareSetting = CareSetting!.Trim();
        blueprint.ProjectType = ProjectType!.Trim();
    }
}
