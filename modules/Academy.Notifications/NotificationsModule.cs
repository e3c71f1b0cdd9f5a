using Academy.Data;
using Academy.Modules;
using Academy.Web;
using Academy.Notifications.Data;
using Academy.Notifications.Email;
using Academy.Notifications.Jobs;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SendGrid;

namespace Academy.Notifications;

public sealed class NotificationsModule : IAcademyModule
{
    public ModuleManifest Manifest { get; } = new("Notifications", "The email outbox, SendGrid and pickup-folder senders, and background jobs (Hangfire).", JobsDashboard.Path);

    public void ConfigureServices(WebApplicationBuilder builder)
    {
        var database = builder.AcademyDatabase();
        builder.AddModuleDbContext<NotificationsDbContext, SqliteNotificationsDbContext, SqlServerNotificationsDbContext>(NotificationsDbContext.MigrationsHistoryTable);

        builder.Services.AddOptions<EmailOptions>().Bind(builder.Configuration.GetSection("Academy:Email")).ValidateOnStart();
        builder.Services.AddScoped<IEmailOutbox, EmailOutbox>();
        builder.Services.AddScoped<OutboxDispatcher>();

        var sendGridKey = builder.Configuration["SendGrid:ApiKey"];
        if (string.IsNullOrWhiteSpace(sendGridKey))
        {
            var folder = database.PathInDataFolder("mail-pickup");
            builder.Services.AddSingleton<IEmailSender>(sp => new PickupFolderEmailSender(folder, sp.GetRequiredService<IOptions<EmailOptions>>()));
        }
        else
        {
            // SendGrid:Host is for tests and relays only: it aims the real client at another endpoint.
            var host = builder.Configuration["SendGrid:Host"];
            builder.Services.AddHttpClient("SendGrid");
            builder.Services.AddSingleton<ISendGridClient>(sp => new SendGridClient(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient("SendGrid"),
                new SendGridClientOptions { ApiKey = sendGridKey, Host = string.IsNullOrWhiteSpace(host) ? "https://api.sendgrid.com" : host }));
            builder.Services.AddSingleton<IEmailSender, SendGridEmailSender>();
        }

        AddJobs(builder, database);
    }

    private static void AddJobs(WebApplicationBuilder builder, AcademyDatabase database)
    {
        var pollInterval = builder.Configuration.GetValue("Academy:Jobs:PollIntervalSeconds", 5);

        // Our own JobStorage in DI, registered before AddHangfire, so that Hangfire's clients and server use it
        // rather than the process-wide JobStorage.Current (several test hosts in one process each keep their own).
        JobStorage storage = database.Provider == DatabaseProvider.SqlServer
            ? new SqlServerStorage(database.ConnectionString, new SqlServerStorageOptions
            {
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromSeconds(pollInterval),
                SchemaName = "HangFire",
            })
            // Hangfire.Storage.SQLite keeps unprefixed tables of its own (Job, State, Set...): it gets its own file.
            : new SQLiteStorage(database.PathInDataFolder("jobs.db"), new SQLiteStorageOptions
            {
                QueuePollInterval = TimeSpan.FromSeconds(pollInterval),
                // A job killed mid-run is picked up again after this long; every job here is far shorter.
                InvisibilityTimeout = TimeSpan.FromMinutes(10),
                DistributedLockLifetime = TimeSpan.FromSeconds(30),
            });
        builder.Services.AddSingleton(storage);
        // Likewise the activator: AddHangfire would make the process-wide JobActivator.Current the last host's,
        // and a job could then be resolved from another host's services (seen in parallel test hosts).
        builder.Services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        if (builder.Configuration.GetValue("Academy:Jobs:RunServer", true))
        {
            builder.Services.AddHangfireServer((services, options) =>
            {
                options.Activator = services.GetRequiredService<JobActivator>();
                options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
                options.WorkerCount = Math.Max(2, Environment.ProcessorCount);
                options.SchedulePollingInterval = TimeSpan.FromSeconds(pollInterval);
            });
        }
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // The endpoint's own policy decides who sees the dashboard; Hangfire's local-only filter is replaced by it.
        endpoints.MapHangfireDashboard(JobsDashboard.Path, new DashboardOptions { Authorization = [], AppPath = "/", DashboardTitle = "Academy jobs" })
            .RequireAuthorization(Policies.Administrator);
    }

    public Task StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<OutboxDispatcher>("outbox-send-due", d => d.SendDueAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }
}
