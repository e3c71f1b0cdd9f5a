using Hangfire;
using Academy.Data;
using Academy.Exemplars.Data;
using Academy.Exemplars.Recipes;
using Academy.Exemplars.Funding;
using Academy.Exemplars.Milestones;
using Academy.Exemplars.Returns;
using Academy.Exemplars.Reporting;
using Academy.Modules;
using Academy.Recipes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Academy.Exemplars;

public sealed class ExemplarsModule : IAcademyModule
{
    public ModuleManifest Manifest { get; } = new("Exemplars", "The digital exemplar programme tracker: programmes, trusts, funding, milestones, returns, lessons learned and blueprints.", "/exemplars");

    public void MapEndpoints(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints) => Endpoints.ExemplarsApi.MapExemplarsApi(endpoints);

    public void ConfigureServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<ExemplarsDbContext, SqliteExemplarsDbContext, SqlServerExemplarsDbContext>(ExemplarsDbContext.MigrationsHistoryTable);
        // The audit trail (who, when, each changed field) is Academy.Data.AuditTrailInterceptor's: the context is an IAuditTrailContext.
        // A return's items are added at .../new and changed or removed at .../{itemId} by the same page.
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(options =>
        {
            // Not AddAreaPageRoute: it stops the @page route (.../new) from generating links. Order -1: link generation
            // tries a page's routes by order, then literal segments first, so a link given an itemId would otherwise come
            // out as .../new?itemId=3. The two routes never compete for an address (itemId is an int).
            foreach (var (page, items) in new[] { ("/Returns/Risk", "risks"), ("/Returns/MilestoneUpdate", "milestone-updates"), ("/Returns/Measurement", "measurements") })
                options.Conventions.AddAreaPageRouteModelConvention("Exemplars", page, model => model.Selectors.Add(new Microsoft.AspNetCore.Mvc.ApplicationModels.SelectorModel
                {
                    AttributeRouteModel = new Microsoft.AspNetCore.Mvc.ApplicationModels.AttributeRouteModel { Template = $"exemplars/returns/{{id:int}}/{items}/{{itemId:int}}", Order = -1 },
                }));
        });
        builder.Services.AddAuthorizationBuilder().AddExemplarPolicies();
        builder.Services.AddSingleton(new ApiPathPrefix(Endpoints.ExemplarsApi.Prefix));
        builder.Services.AddSingleton<EvidenceStore>();
        builder.Services.AddScoped<ClaimDecisions>();
        builder.Services.AddScoped<Portfolio>();
        builder.Services.AddScoped<WorkforceSkillsReader>();
        builder.Services.AddScoped<ReturnReminderJob>();
        builder.Services.AddOptions<ReturnReminderOptions>().Bind(builder.Configuration.GetSection(ReturnReminderOptions.Section))
            .Validate(o => o.IsValid(), ReturnReminderOptions.Problem).ValidateOnStart();
        builder.Services.AddSingleton<Lessons.LessonIndex>();
        builder.Services.AddOpenApi(Endpoints.ExemplarsApi.DocumentName, options =>
            options.ShouldInclude = description => description.GroupName == Endpoints.ExemplarsApi.DocumentName);
        builder.Services.AddScoped<ReturnNotices>();
        builder.Services.AddScoped<ITrustDirectory, TrustDirectory>();
        builder.Services.AddSingleton<IRecipeStep, ProgrammesRecipeStep>();
        builder.Services.AddSingleton<IRecipeStep, TrustsRecipeStep>();
        builder.Services.AddSingleton<IRecipeStep, ParticipationsRecipeStep>();
        builder.Services.AddSingleton(new NavigationItem("Exemplar programme", "/Index", "Exemplars", 20, ExemplarAccess.TrackerPolicy));
        builder.Services.AddSingleton(new NavigationItem("Returns to review", "/Returns/ToReview", "Exemplars", 21, Policies.NationalReviewer));
        // Lessons and blueprints are for everyone who works on digital change, not only exemplar leads.
        builder.Services.AddSingleton(new NavigationItem("Lessons learned", "/Lessons/Index", "Exemplars", 22, Policies.SignedIn));
        builder.Services.AddSingleton(new NavigationItem("Blueprints", "/Blueprints/Index", "Exemplars", 23, Policies.SignedIn));
    }

    public Task StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var cron = services.GetRequiredService<IOptions<ReturnReminderOptions>>().Value.ReminderCron;
        services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<ReturnReminderJob>("exemplar-return-reminders", job => job.RunAsync(CancellationToken.None), cron);
        return Task.CompletedTask;
    }
}
