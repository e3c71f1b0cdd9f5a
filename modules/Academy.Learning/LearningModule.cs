using Academy.Data;
using Academy.Learning.Data;
using Academy.Learning.Progress;
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
        builder.Services.AddScoped<ProgressProjection>();
        builder.Services.AddScoped<RebuildProgressJob>();
        builder.Services.AddScoped<MyLearning>();
        builder.Services.AddHostedService<ProgressFollower>();
        builder.Services.AddSingleton(new NavigationItem("My learning", "/learning", 10, []));
    }
}
