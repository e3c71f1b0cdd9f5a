using Academy.Modules;
using Academy.Web.Recipes;

namespace Academy.Web.Setup;

public static class SetupHosting
{
    public static void AddAcademySetup(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SetupService>();
        builder.Services.AddScoped<RecipeExecutor>();
        builder.Services.AddSingleton(new RecipeFolder(builder.Configuration["Academy:ContentFolder"] is { Length: > 0 } folder
            ? Path.GetFullPath(folder, builder.Environment.ContentRootPath)
            : Path.Combine(AppContext.BaseDirectory, "content")));
    }

    /// Until setup has run, every page sends the visitor to /setup. Static files, the health check
    /// and the prefixes a module serves before setup (ApiPathPrefix.ServedBeforeSetup: the LRS, for machines) are left alone.
    public static void UseAcademySetup(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (path.StartsWithSegments("/setup") || path.StartsWithSegments("/health") || context.IsServedBeforeSetup()
                || path.StartsWithSegments("/error") || Path.HasExtension(path.Value))
            {
                await next(context);
                return;
            }
            var site = await context.RequestServices.GetRequiredService<ISiteSettingsStore>().GetAsync(context.RequestAborted);
            if (site is null)
            {
                context.Response.Redirect(context.RequestServices.GetRequiredService<LinkGenerator>().GetPathByPage("/Setup", values: new { area = "" })!);
                return;
            }
            await next(context);
        });
    }
}
