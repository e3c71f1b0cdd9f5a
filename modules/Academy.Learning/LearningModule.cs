using Academy.Data;
using Academy.Learning.Certificates;
using Academy.Learning.Data;
using Academy.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Learning;

/// The Digital Academy: courses, the catalogue, enrolments; the player, progress and certificates build on these.
public sealed class LearningModule : IAcademyModule
{
    public ModuleManifest Manifest { get; } = new("Learning", "Courses, enrolments, cohorts and progress from xAPI statements.", "/learning");

    public void ConfigureServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<LearningDbContext, SqliteLearningDbContext, SqlServerLearningDbContext>(LearningDbContext.MigrationsHistoryTable);
        builder.Services.AddSingleton<LearningActivities>();
        builder.AddCertificates();
        builder.Services.AddSingleton(new NavigationItem("My learning", "/learning", 10, []));
    }
}
