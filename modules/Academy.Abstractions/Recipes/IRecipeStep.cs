using System.Data.Common;
using System.Text.Json;

namespace Academy.Recipes;

/// A named step of a recipe (content/*.recipe.json) that one module knows how to apply,
/// as Orchard Core's recipe steps do. Steps must be idempotent: applying a recipe twice
/// changes nothing the second time.
public interface IRecipeStep
{
    string Name { get; }

    /// Checks the step without changing anything; throws <see cref="RecipeException"/> with the
    /// JSON path of the offending value.
    void Validate(RecipeStepContext context);

    Task ApplyAsync(RecipeStepContext context, CancellationToken cancellationToken);
}

public sealed class RecipeStepContext(JsonElement step, string recipeFolder, DbConnection connection, DbTransaction transaction, IServiceProvider services)
{
    public JsonElement Step { get; } = step;
    /// The folder the recipe file is in, for steps that load Markdown files beside it.
    public string RecipeFolder { get; } = recipeFolder;
    /// All steps of one recipe share this connection and transaction: a failure rolls back every step.
    public DbConnection Connection { get; } = connection;
    public DbTransaction Transaction { get; } = transaction;
    public IServiceProvider Services { get; } = services;

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false) },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// The step as a typed record; a wrong type, a missing value or an unknown property is a RecipeException at its path.
    public T Read<T>()
    {
        try
        {
            return Step.Deserialize<T>(JsonOptions) ?? throw new RecipeException("The step is empty.", "$");
        }
        catch (JsonException ex)
        {
            var reason = ex.Message.Split(" Path:", 2)[0];
            throw new RecipeException(reason, ex.Path ?? "$");
        }
    }
}

public sealed class RecipeException(string reason, string jsonPath, string? file = null, int line = 0) : Exception(reason)
{
    /// Where in the step the problem is, e.g. "$.trusts[3].odsCode".
    public string JsonPath { get; } = jsonPath;

    /// Set when the problem is in another file the step reads (a course.json beside the recipe), with its line there;
    /// otherwise the recipe file and the line of <see cref="JsonPath"/> are reported.
    public string? File { get; } = file;
    public int Line { get; } = line;
}
