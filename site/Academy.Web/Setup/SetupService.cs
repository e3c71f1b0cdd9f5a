using Academy.Identity.Data;
using Academy.Web.Recipes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Academy.Web.Setup;

public sealed record SetupRequest(string SiteName, string AdminEmail, string AdminPassword, string? Recipe, bool AllowRegistration = false);

public abstract record SetupResult
{
    public sealed record Done : SetupResult;
    public sealed record AlreadySetUp : SetupResult;
    /// Field is the SetupRequest property the problem belongs to.
    public sealed record Refused(string Field, string Message) : SetupResult;
}

/// First run: loads the chosen recipe, creates the first administrator and records the site's
/// settings. The settings row is written last; until it exists the site still shows /setup.
public sealed class SetupService(AccountsDbContext db, UserManager<AcademyUser> users, RecipeExecutor recipes, TimeProvider clock, ILogger<SetupService> log)
{
    public async Task<SetupResult> RunAsync(SetupRequest request, CancellationToken cancellationToken)
    {
        if (await db.SiteSettings.AnyAsync(cancellationToken)) return new SetupResult.AlreadySetUp();

        if (!string.IsNullOrWhiteSpace(request.Recipe))
        {
            var result = await recipes.ImportAsync(request.Recipe, cancellationToken);
            if (result is RecipeResult.Failed failed)
                return new SetupResult.Refused(nameof(SetupRequest.Recipe), $"The {request.Recipe} recipe could not be loaded: {failed.Error}");
        }

        var admin = await users.FindByEmailAsync(request.AdminEmail);
        if (admin is null)
        {
            admin = new AcademyUser { UserName = request.AdminEmail, Email = request.AdminEmail, EmailConfirmed = true, DisplayName = "Administrator", CreatedAt = clock.GetUtcNow() };
            var created = await users.CreateAsync(admin, request.AdminPassword);
            if (!created.Succeeded)
                return new SetupResult.Refused(nameof(SetupRequest.AdminPassword), string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        foreach (var role in new[] { Roles.Administrator, Roles.Learner })
        {
            if (!await users.IsInRoleAsync(admin, role)) await users.AddToRoleAsync(admin, role);
        }

        db.SiteSettings.Add(new SiteSettingsRecord { SiteName = request.SiteName.Trim(), AllowRegistration = request.AllowRegistration, SetupCompletedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two setups at once: the settings row has a fixed key, so only one can win.
            return new SetupResult.AlreadySetUp();
        }
        log.LogInformation("Setup complete for {SiteName}; administrator {AdminEmail}; recipe {Recipe}", request.SiteName, request.AdminEmail, request.Recipe ?? "none");
        return new SetupResult.Done();
    }
}
