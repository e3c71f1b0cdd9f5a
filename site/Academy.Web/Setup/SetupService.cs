using Academy.Identity;
using Academy.Web.Recipes;

namespace Academy.Web.Setup;

public sealed record SetupRequest(string SiteName, string AdminEmail, string AdminPassword, string? Recipe, bool AllowRegistration = false);

public abstract record SetupResult
{
    public sealed record Done : SetupResult;
    public sealed record AlreadySetUp : SetupResult;
    /// Field is the SetupRequest property the problem belongs to.
    public sealed record Refused(string Field, string Message) : SetupResult;
}

/// First run: loads the chosen recipe, then asks Identity to create the first administrator and to record the
/// site's settings (last: until they exist the site still shows /setup).
public sealed class SetupService(SiteSetup identity, RecipeExecutor recipes, ILogger<SetupService> log)
{
    public async Task<SetupResult> RunAsync(SetupRequest request, CancellationToken cancellationToken)
    {
        if (await identity.IsDoneAsync(cancellationToken)) return new SetupResult.AlreadySetUp();

        if (!string.IsNullOrWhiteSpace(request.Recipe))
        {
            var result = await recipes.ImportAsync(request.Recipe, cancellationToken);
            if (result is RecipeResult.Failed failed)
                return new SetupResult.Refused(nameof(SetupRequest.Recipe), $"The {request.Recipe} recipe could not be loaded: {failed.Error}");
        }

        if (await identity.EnsureFirstAdministratorAsync(request.AdminEmail, request.AdminPassword) is { } refused)
            return new SetupResult.Refused(nameof(SetupRequest.AdminPassword), refused);
        // Two setups at once: only one can record the settings.
        if (!await identity.CompleteAsync(request.SiteName, request.AllowRegistration, cancellationToken)) return new SetupResult.AlreadySetUp();
        log.LogInformation("Setup complete for {SiteName}; administrator {AdminEmail}; recipe {Recipe}", request.SiteName, request.AdminEmail, request.Recipe ?? "none");
        return new SetupResult.Done();
    }
}
