using Academy.Data;
using Academy.Jobs;
using Academy.Learning.Catalogue;
using Academy.Learning.Certificates;
using Academy.Learning.Cohorts;
using Academy.Learning.Courses;
using Academy.Learning.Courses.Recipes;
using Academy.Learning.Data;
using Academy.Learning.Packages;
using Academy.Learning.Player;
using Academy.Learning.Enrolments;
using Academy.Learning.Enrolments.Uploads;
using Academy.Learning.Progress;
using Academy.Learning.SelfAssessment;
using Academy.Modules;
using Academy.Recipes;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Academy.Learning;

/// The Digital Academy: courses, the catalogue, enrolments; the player, progress and certificates build on these.
public sealed class LearningModule : IAcademyModule
{
    public ModuleManifest Manifest { get; } = new("Learning", "Courses, the catalogue, enrolments, cohorts and progress from xAPI statements.", "/learning");

    public void ConfigureServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<LearningDbContext, SqliteLearningDbContext, SqlServerLearningDbContext>(LearningDbContext.MigrationsHistoryTable);
        builder.Services.AddAuthorizationBuilder().AddLearningPolicies();
        builder.Services.AddSingleton<LearningActivities>();
        AddPlayer(builder.Services);
        builder.Services.AddSingleton<MediaStore>();
        builder.Services.AddSingleton<PackageStore>();
        builder.Services.AddScoped<PackageImport>();
        builder.Services.AddScoped<PackageImports>();
        builder.Services.AddScoped<PackageImportJob>();
        builder.Services.AddScoped<Cmi5Launches>();
        builder.Services.AddScoped<PackageSatisfactions>();
        builder.Services.AddScoped<Cmi5Waivers>();
        builder.Services.AddScoped<LearnerPreferences>();
        builder.Services.AddSingleton<CourseIndex>();
        builder.Services.AddScoped<EnrolmentRules>();
        builder.Services.AddScoped<ITrustLearning, TrustLearning>();
        builder.Services.AddSingleton<IRecipeStep, CoursesRecipeStep>();
        builder.Services.AddScoped<ProgressProjection>();
        builder.Services.AddScoped<RebuildProgressJob>();
        builder.Services.AddScoped<MyLearning>();
        builder.Services.AddHostedService<ProgressFollower>();
        builder.AddCertificates();
        builder.Services.AddScoped<CohortRules>();
        builder.Services.AddScoped<CohortDashboard>();
        builder.Services.AddScoped<LearnerTimeline>();
        builder.Services.AddScoped<CohortDigestJob>();
        AddEnrolmentJobs(builder);
        builder.AddSelfAssessment();
        builder.Services.AddSingleton(new NavigationItem("My learning", "/Index", "Learning", 10, Policies.SignedIn));
        builder.Services.AddSingleton(new NavigationItem("Find a course", "/Courses/Index", "Learning", 11, Policies.SignedIn));
        builder.Services.AddSingleton(new NavigationItem("Cohorts", "/Cohorts/Index", "Learning", 12, LearningAccess.CohortsPolicy));
        builder.Services.AddSingleton(new NavigationItem("Manage courses", "/Manage/Index", "Learning", 80, LearningAccess.CourseAuthorPolicy));
    }

    /// Bulk upload (§2), recertification (§3) and learner reminders (§4).
    private static void AddEnrolmentJobs(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<UploadRules>();
        builder.Services.AddScoped<EnrolmentUploadJob>();
        builder.Services.AddOptions<RecertificationOptions>().Bind(builder.Configuration.GetSection(RecertificationOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<LearningSchedules>().Bind(builder.Configuration.GetSection(LearningSchedules.Section))
            .Validate(s => CronSchedule.IsValid(s.RecertificationCron), LearningSchedules.Problem(nameof(LearningSchedules.RecertificationCron)))
            .Validate(s => CronSchedule.IsValid(s.ReminderCron), LearningSchedules.Problem(nameof(LearningSchedules.ReminderCron)))
            .Validate(s => CronSchedule.IsValid(s.DigestCron), LearningSchedules.Problem(nameof(LearningSchedules.DigestCron)))
            .ValidateOnStart();
        builder.Services.AddScoped<RecertificationJob>();
        builder.Services.AddScoped<LearnerReminderJob>();
        builder.Services.AddSingleton(new NavigationItem("Upload enrolments", "/Enrolments/Upload", "Learning", 81, LearningAccess.UploadPolicy));
    }

    public Task StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var schedules = services.GetRequiredService<IOptions<LearningSchedules>>().Value;
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<RecertificationJob>(RecertificationJobId, job => job.RunAsync(CancellationToken.None), schedules.RecertificationCron);
        recurring.AddOrUpdate<LearnerReminderJob>(ReminderJobId, job => job.RunAsync(CancellationToken.None), schedules.ReminderCron);
        recurring.AddOrUpdate<CohortDigestJob>(DigestJobId, job => job.RunAsync(CancellationToken.None), schedules.DigestCron);
        return Task.CompletedTask;
    }

    public const string RecertificationJobId = "learning-recertification";
    public const string ReminderJobId = "learning-reminders";
    public const string DigestJobId = "learning-cohort-digest";

    public void MapEndpoints(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints) => PackageEndpoints.Map(endpoints);

    private static void AddPlayer(IServiceCollection services)
    {
        services.AddSingleton<LessonStatements>();
        services.AddScoped<CoursePlayer>();
        services.AddScoped<Launches>();
        services.AddScoped<ISignOutListener, EndLaunchesOnSignOut>();
    }
}
