using Academy.Data;
using Academy.Exemplars.Data;
using Academy.Exemplars.Recipes;
using Academy.Modules;
using Academy.Recipes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Exemplars;

public sealed class ExemplarsModule : IAcademyModule
{
    public ModuleManifest Manifest { get; } = new("Exemplars", "The digital exemplar programme tracker: programmes, trusts, funding, milestones, returns and lessons learned.", "/exemplars");

    public void ConfigureServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<ExemplarsDbContext, SqliteExemplarsDbContext, SqlServerExemplarsDbContext>(ExemplarsDbContext.MigrationsHistoryTable);
        builder.Services.AddScoped<ITrustDirectory, TrustDirectory>();
        builder.Services.AddSingleton<IRecipeStep, ProgrammesRecipeStep>();
        builder.Services.AddSingleton<IRecipeStep, TrustsRecipeStep>();
        builder.Services.AddSingleton<IRecipeStep, ParticipationsRecipeStep>();
        builder.Services.AddSingleton(new NavigationItem("Exemplar programme", "/exemplars", 20, [Roles.TrustLead, Roles.NationalReviewer, Roles.Administrator]));
    }
}
