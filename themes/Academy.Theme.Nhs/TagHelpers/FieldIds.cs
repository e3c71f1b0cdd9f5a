using Microsoft.AspNetCore.Mvc.Rendering;

namespace Academy.Theme.Nhs.TagHelpers;

public static class FieldIds
{
    /// The id ASP.NET gives the input bound to a model-state key ("Input.Email" → "Input_Email"),
    /// so that the error summary links land on the field.
    public static string For(string modelStateKey) =>
        string.IsNullOrEmpty(modelStateKey) ? "maincontent" : TagBuilder.CreateSanitizedId(modelStateKey, "_");
}
