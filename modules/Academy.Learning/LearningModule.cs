using Academy.Data;
using Academy.Learning.Catalogue;
using Academy.Learning.Certificates;
using Academy.Learning.Courses;
using Academy.Learning.Courses.Recipes;
using Academy.Learning.Data;
using Academy.Learning.Packages;
using Academy.Learning.Player;
using Academy.Learning.Enrolments;
using Academy.Learning.Progress;
using Academy.Modules;
using Academy.Recipes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Learning;

/// The Digital Academy: courses, the catalogue, enrolments; the player, progress and certificates build on these.
public sealed class LearningModule : IAcademyModule
{
    public ModuleManifest Manifest { get; } = new("Learning", "Courses, the catalogue, enrolments, cohorts and progress from xAPI statements.", "/learning");

    public void ConfigureServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<LearningDbContext, SqliteLearningDbContext, SqlServerLearningDbContext>(LearningDbContext.MigrationsHistoryTable);
        builder.Services.AddSingleton<LearningActivities>();
        AddPlayer(builder.Services);
        builder.Services.AddSingleton<MediaStore>();
        builder.Services.AddSingleton<PackageStore>();
        builder.Services.AddScoped<PackageImport>();
        builder.Services.AddScoped<Cmi5Launches>();
        builder.Services.AddScoped<PackageSatisfactions>();
        builder.Services.AddSingleton<CourseIndex>();
        builder.Services.AddScoped<EnrolmentRules>();
        builder.Services.AddSingleton<IRecipeStep, CoursesRecipeStep>();
        builder.Services.AddScoped<ProgressProjection>();
        builder.Services.AddScoped<RebuildProgressJob>();
        builder.Services.AddScoped<MyLearning>();
        builder.Services.AddHostedService<ProgressFollower>();
        builder.AddCertificates();
        builder.Services.AddSingleton(new NavigationItem("My learning", "/learning", 10, []));
        builder.Services.AddSingleton(new NavigationItem("Find a course", "/learning/courses", 11, []));
        builder.Services.AddSingleton(new NavigationItem("Manage courses", "/learning/manage/courses", 80, [Roles.CourseAuthor, Roles.Administrator]));
    }

    public void MapEndpoints(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints) => PackageEndpoints.Map(endpoints);

    private static void AddPlayer(IServiceCollection services)
    {
        services.AddSingleton<LessonStatements>();
        services.AddScoped<CoursePlayer>();
        services.AddScoped<Launches>();
        services.AddScoped<ISignOutListener, EndLaunchesOnSignOut>();
    }
}
