using System.Text.Json;
using Academy.Data;
using Academy.Recipes;

namespace Academy.Web.Recipes;

public sealed record RecipeFolder(string Path);

public sealed record RecipeError(string File, int Line, string Reason)
{
    /// A recipe by its file name; a file the recipe's steps read (courses/x/course.json) by its folder too, since many share a name.
    public override string ToString() => File.EndsWith(".recipe.json", StringComparison.Ordinal)
        ? $"{System.IO.Path.GetFileName(File)}, line {Line}: {Reason}"
        : $"{System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(File))}/{System.IO.Path.GetFileName(File)}, line {Line}: {Reason}";
}

public abstract record RecipeResult
{
    public sealed record Imported(string Name, int Steps) : RecipeResult;
    public sealed record Failed(RecipeError Error) : RecipeResult;
}

public sealed record RecipeDescriptor(string Name, string DisplayName, string Description, bool IsSetupRecipe);

/// Loads recipes from content/recipes: ordered JSON steps, each handled by the module that owns it.
/// The whole recipe is checked before anything is written, then applied in one transaction, so a
/// malformed recipe is refused with its file, line and reason and leaves nothing half-applied.
public sealed class RecipeExecutor(RecipeFolder folder, AcademyDatabase database, IEnumerable<IRecipeStep> handlers, IServiceProvider services, ILogger<RecipeExecutor> log)
{
    public IReadOnlyList<RecipeDescriptor> List()
    {
        var recipesFolder = Path.Combine(folder.Path, "recipes");
        if (!Directory.Exists(recipesFolder)) return [];
        var found = new List<RecipeDescriptor>();
        foreach (var file in Directory.EnumerateFiles(recipesFolder, "*.recipe.json").Order())
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
                var root = doc.RootElement;
                found.Add(new RecipeDescriptor(
                    root.GetProperty("name").GetString()!,
                    root.TryGetProperty("displayName", out var d) ? d.GetString()! : root.GetProperty("name").GetString()!,
                    root.TryGetProperty("description", out var desc) ? desc.GetString() ?? "" : "",
                    root.TryGetProperty("issetuprecipe", out var s) && s.ValueKind == JsonValueKind.True));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                log.LogWarning("Recipe file {File} is not readable and is not offered: {Reason}", file, ex.Message);
            }
        }
        return found;
    }

    public Task<RecipeResult> ImportAsync(string name, CancellationToken cancellationToken)
    {
        var file = Path.Combine(folder.Path, "recipes", name + ".recipe.json");
        if (name.IndexOfAny(['/', '\\', '.']) >= 0 || !File.Exists(file))
            return Task.FromResult<RecipeResult>(new RecipeResult.Failed(new RecipeError(file, 0, $"There is no recipe called '{name}'.")));
        return ImportFileAsync(file, cancellationToken);
    }

    public async Task<RecipeResult> ImportFileAsync(string file, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return Fail(file, (int)(ex.LineNumber ?? 0) + 1, ex.Message);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("name", out var recipeName) || recipeName.ValueKind != JsonValueKind.String)
                return Fail(file, JsonLines.LineOf(bytes, "$"), "A recipe is an object with a \"name\".");
            if (!root.TryGetProperty("steps", out var steps) || steps.ValueKind != JsonValueKind.Array)
                return Fail(file, JsonLines.LineOf(bytes, "$"), "A recipe needs a \"steps\" array.");

            var byName = handlers.ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);
            var plan = new List<(IRecipeStep Handler, JsonElement Step, string Path)>();
            var index = 0;
            foreach (var step in steps.EnumerateArray())
            {
                var path = $"$.steps[{index++}]";
                if (step.ValueKind != JsonValueKind.Object || !step.TryGetProperty("name", out var stepName) || stepName.ValueKind != JsonValueKind.String)
                    return Fail(file, JsonLines.LineOf(bytes, path), "Each step is an object with a \"name\".");
                if (!byName.TryGetValue(stepName.GetString()!, out var handler))
                    return Fail(file, JsonLines.LineOf(bytes, path + ".name"), $"No module handles a step called \"{stepName.GetString()}\". Known steps: {string.Join(", ", byName.Keys.Order())}.");
                plan.Add((handler, step, path));
            }

            await using var connection = database.CreateConnection();
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var recipeFolder = Path.GetDirectoryName(file)!;
            foreach (var (handler, step, path) in plan)
            {
                var context = new RecipeStepContext(step, recipeFolder, connection, transaction, services);
                try
                {
                    handler.Validate(context);
                    await handler.ApplyAsync(context, cancellationToken);
                }
                catch (RecipeException ex)
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                    if (ex.File is not null) return Fail(ex.File, ex.Line, ex.Message);
                    var full = path + ex.JsonPath.TrimStart('$');
                    return Fail(file, JsonLines.LineOf(bytes, full), ex.Message);
                }
            }
            await transaction.CommitAsync(cancellationToken);
            log.LogInformation("Recipe {Recipe} imported from {File}: {Steps} step(s)", recipeName.GetString(), file, plan.Count);
            return new RecipeResult.Imported(recipeName.GetString()!, plan.Count);
        }
    }

    private static RecipeResult.Failed Fail(string file, int line, string reason) => new(new RecipeError(file, line, reason));
}
