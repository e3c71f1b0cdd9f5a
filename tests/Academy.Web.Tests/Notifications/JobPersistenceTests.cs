using Academy.Notifications;
using Academy.Notifications.Data;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Web.Tests.Notifications;

public sealed class JobPersistenceTests
{
    [Fact]
    public async Task Job_QueuedBeforeARestart_RunsAfterIt()
    {
        await using var first = AcademySite.Create(overrides: new Dictionary<string, string?> { ["Academy:Jobs:RunServer"] = "false" });
        await first.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<NotificationsDbContext>();
            await sp.GetRequiredService<IEmailOutbox>().SaveChangesWithEmailAsync(db, [new EmailMessage("after.restart@trust.test", "Queued before restart", "-")]);
            return 0;
        });
        var queued = first.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 10).Single().Key;
        Assert.Empty(first.PickedUpEmails());
        await first.StopKeepingDataAsync();

        await using var second = AcademySite.Create(first.DataFolder, ownsFolder: true);
        _ = second.Services;

        string? state = null;
        for (var i = 0; i < 150 && state != "Succeeded"; i++)
        {
            await Task.Delay(100);
            using var connection = second.Services.GetRequiredService<JobStorage>().GetConnection();
            state = connection.GetJobData(queued)?.State;
        }
        Assert.Equal("Succeeded", state);
        // The job (or the minute sweep, if it claimed the message first) writes the email.
        for (var i = 0; i < 100 && !second.PickedUpEmails().Any(e => e.Contains("To: after.restart@trust.test")); i++) await Task.Delay(100);
        Assert.Contains(second.PickedUpEmails(), e => e.Contains("To: after.restart@trust.test"));
    }
}
