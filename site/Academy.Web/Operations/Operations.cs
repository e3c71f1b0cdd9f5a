using Academy.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog;

namespace Academy.Web.Operations;

public static class Operations
{
    public static void AddAcademyOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));

        // Files served from the theme's package (nhsuk-frontend) are found from the build output too,
        // not only when the environment is Development.
        builder.WebHost.UseStaticWebAssets();

        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<JobServerHealthCheck>("jobs");

        builder.Services.AddHsts(options => { options.MaxAge = TimeSpan.FromDays(365); options.IncludeSubDomains = true; });
        builder.Services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
        });
    }

    public static void UseAcademyOperations(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // A person never sees a stack trace: unhandled errors and 404s get the NHS-styled pages.
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<FailureLog>();
        if (app.Configuration.GetValue("Academy:Https:Redirect", false))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseMiddleware<SecurityHeaders>();
        app.UseStaticFiles();
        app.UseSerilogRequestLogging();
        // Routing after static files: otherwise the catch-all 404 endpoint would claim /css/... first.
        app.UseRouting();
    }

    public static void MapAcademyOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous();
        // Every endpoint needs a signed-in person unless it says otherwise (the fallback policy), and that policy
        // also applies to requests that match nothing. An unknown address is a 404 page, not a sign-in redirect.
        app.MapFallback("{*path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
    }
}
