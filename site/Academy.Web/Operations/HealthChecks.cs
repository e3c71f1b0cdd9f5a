using System.Text.Json;
using Academy.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Academy.Web.Operations;

/// The database answers, and every module's migrations are applied.
internal sealed class DatabaseHealthCheck(IEnumerable<IModuleDbContextFactory> modules) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = new Dictionary<string, object>();
        foreach (var module in modules)
        {
            await using var db = module.CreateContext();
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return HealthCheckResult.Unhealthy($"The database cannot be reached from {module.ContextType.Name}.");
            var migrations = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (migrations.Count > 0) pending[module.ContextType.Name] = migrations;
        }
        return pending.Count == 0
            ? HealthCheckResult.Healthy("Database reachable; no pending migrations.")
            : HealthCheckResult.Unhealthy("Migrations are pending.", data: pending);
    }
}

/// At least one Hangfire server has sent a heartbeat in the last minute.
internal sealed class JobServerHealthCheck(JobStorage storage, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var servers = storage.GetMonitoringApi().Servers();
        var now = clock.GetUtcNow().UtcDateTime;
        var alive = servers.Count(s => s.Heartbeat is { } beat && now - beat < TimeSpan.FromMinutes(1));
        return Task.FromResult(alive > 0
            ? HealthCheckResult.Healthy($"{alive} job server(s) alive.")
            : HealthCheckResult.Unhealthy("No job server has sent a heartbeat in the last minute."));
    }
}

internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }
}
