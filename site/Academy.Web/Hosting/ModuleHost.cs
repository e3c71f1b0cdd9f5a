using Academy.Data;
using Academy.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Academy.Web.Hosting;

/// Composes the modules: each registers its own services, pages, endpoints and data, and the host
/// runs every module's migrations and start-up before it serves a request.
public static class ModuleHost
{
    public static void AddAcademyModules(this WebApplicationBuilder builder, params IAcademyModule[] modules)
    {
        builder.Services.AddSingleton<IReadOnlyList<IAcademyModule>>(modules);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<NavigationMenu>();

        var mvc = builder.Services.AddRazorPages().AddMvcOptions(options =>
        {
            // A record's id comes from its address: by default form fields bind before route values, so a posted
            // field named "id" would choose which record a page handler reads and changes.
            var route = options.ValueProviderFactories.OfType<RouteValueProviderFactory>().Single();
            options.ValueProviderFactories.Remove(route);
            options.ValueProviderFactories.Insert(0, route);
        });
        foreach (var module in modules)
        {
            module.ConfigureServices(builder);
            var assembly = module.GetType().Assembly;
            mvc.ConfigureApplicationPartManager(parts =>
            {
                if (!parts.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
                    parts.ApplicationParts.Add(new AssemblyPart(assembly));
            });
        }
    }

    public static void MapAcademyModules(this WebApplication app)
    {
        app.MapRazorPages();
        foreach (var module in app.Services.GetRequiredService<IReadOnlyList<IAcademyModule>>())
            module.MapEndpoints(app);
    }

    public static async Task RunAcademyAsync(this WebApplication app)
    {
        await app.PrepareAcademyAsync();
        await app.RunAsync();
    }

    /// Migrations for every module (unless Academy:Database:MigrateOnStart is false; then
    /// `dotnet ef database update` per module does it), then each module's start-up, then unattended setup.
    public static async Task PrepareAcademyAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Academy.Startup");
        if (app.Configuration.GetValue("Academy:Database:MigrateOnStart", true))
        {
            foreach (var factory in app.Services.GetServices<IModuleDbContextFactory>())
            {
                await using var context = factory.CreateContext();
                var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                if (pending.Count == 0) continue;
                log.LogInformation("Applying {Count} migration(s) to {Context}: {Migrations}", pending.Count, factory.ContextType.Name, pending);
                await context.Database.MigrateAsync(cancellationToken);
            }
        }

        foreach (var module in app.Services.GetRequiredService<IReadOnlyList<IAcademyModule>>())
        {
            await using var scope = app.Services.CreateAsyncScope();
            await module.StartAsync(scope.ServiceProvider, cancellationToken);
        }

        await Setup.UnattendedSetup.RunIfConfiguredAsync(app.Services, app.Configuration, cancellationToken);
    }
}
