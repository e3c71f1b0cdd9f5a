namespace Academy.Exemplars.Pages;

public sealed record RadiosField(string Key, string Legend, string? Value, IReadOnlyList<(string Value, string Text)> Options, string? Hint = null, bool Inline = true)
{
    public static readonly IReadOnlyList<(string, string)> RagOptions = [("Green", "Green"), ("Amber", "Amber"), ("Red", "Red")];
}
