using Academy.Exemplars.Data;
using Academy.Notifications;
using Academy.Notifications.Data;
using Academy.Notifications.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Web.Tests.Notifications;

public sealed class EmailOutboxTests : IAsyncLifetime
{
    private FakeSendGrid sendGrid = default!;
    private AcademySite site = default!;

    public async Task InitializeAsync()
    {
        sendGrid = await FakeSendGrid.StartAsync();
        site = AcademySite.Create(overrides: new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:Host"] = sendGrid.Address,
        });
        _ = site.Services;
    }

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
        await sendGrid.DisposeAsync();
    }

    [Fact]
    public async Task SaveChangesWithEmail_StoresTheChangeAndTheEmailTogether_AndSendGridReceivesIt()
    {
        await site.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<ExemplarsDbContext>();
            db.Trusts.Add(new Trust { OdsCode = "ZX1", Name = "Outbox Test Trust", Region = "London" });
            await sp.GetRequiredService<IEmailOutbox>().SaveChangesWithEmailAsync(db,
                [new EmailMessage("lead@zx1.test", "Your return was approved", "Well done.")]);
            return 0;
        });

        var (authorization, body) = await WaitAsync(() => sendGrid.Received.FirstOrDefault(r => r.Body.RootElement.ToString().Contains("lead@zx1.test")));
        Assert.Equal("Bearer SG.test-key", authorization);
        var personalization = body.RootElement.GetProperty("personalizations")[0];
        Assert.Equal("Your return was approved", personalization.GetProperty("subject").GetString());
        Assert.Equal("lead@zx1.test", personalization.GetProperty("to")[0].GetProperty("email").GetString());
        Assert.Equal("Well done.", body.RootElement.GetProperty("content")[0].GetProperty("value").GetString());
        var stored = await Outbox(db => db.OutboxMessages.SingleAsync(m => m.To == "lead@zx1.test"));
        await WaitAsync(async () => (await Outbox(db => db.OutboxMessages.SingleAsync(m => m.Id == stored.Id))).SentAt is not null ? "sent" : null);
    }

    [Fact]
    public async Task SaveChangesWithEmail_WhenTheChangeFails_StoresNoEmail()
    {
        var failure = await Record.ExceptionAsync(() => site.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<ExemplarsDbContext>();
            // RTH exists already (starter recipe): the unique ODS code makes the change fail.
            db.Trusts.Add(new Trust { OdsCode = "RTH", Name = "Duplicate", Region = "South East" });
            await sp.GetRequiredService<IEmailOutbox>().SaveChangesWithEmailAsync(db,
                [new EmailMessage("nobody@duplicate.test", "Must never be sent", "-")]);
            return 0;
        }));

        Assert.IsType<DbUpdateException>(failure);
        Assert.False(await Outbox(db => db.OutboxMessages.AnyAsync(m => m.To == "nobody@duplicate.test")));
    }

    [Fact]
    public async Task Send_WhenSendGridFails_KeepsTheMessageAndRetriesWithBackOffUntilItGoes()
    {
        sendGrid.FailNext(1);
        await site.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<NotificationsDbContext>();
            await sp.GetRequiredService<IEmailOutbox>().SaveChangesWithEmailAsync(db, [new EmailMessage("retry@trust.test", "Reminder: return due", "Due in 7 days.")]);
            return 0;
        });

        var failed = await WaitAsync(async () => (await Outbox(db => db.OutboxMessages.SingleAsync(m => m.To == "retry@trust.test"))) is { Attempts: 1 } m ? m : null);
        Assert.Null(failed.SentAt);
        Assert.Contains("500", failed.LastError);
        Assert.InRange(failed.NextAttemptAt - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(5), OutboxDispatcher.BackOff(1));

        // Time passes: the back-off is over, and the recurring sweep (a real Hangfire job) sends it.
        await Outbox(db => db.OutboxMessages.Where(m => m.Id == failed.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
        site.Services.GetRequiredService<IRecurringJobManager>().Trigger("outbox-send-due");

        var sent = await WaitAsync(async () => (await Outbox(db => db.OutboxMessages.SingleAsync(m => m.Id == failed.Id))) is { SentAt: not null } m ? m : null);
        Assert.Equal(1, sent.Attempts);
        Assert.Single(sendGrid.Received, r => r.Body.RootElement.ToString().Contains("retry@trust.test"));
    }

    [Fact]
    public void BackOff_GrowsAndIsCappedAtSixHours()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), OutboxDispatcher.BackOff(1));
        Assert.Equal(TimeSpan.FromSeconds(60), OutboxDispatcher.BackOff(2));
        Assert.Equal(TimeSpan.FromMinutes(4), OutboxDispatcher.BackOff(4));
        Assert.Equal(TimeSpan.FromHours(6), OutboxDispatcher.BackOff(30));
    }

    private Task<T> Outbox<T>(Func<NotificationsDbContext, Task<T>> query) =>
        site.WithServicesAsync(sp => query(sp.GetRequiredService<NotificationsDbContext>()));

    private static async Task<T> WaitAsync<T>(Func<Task<T?>> probe)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException("The expected state was not reached in 15 seconds.");
    }

    private static Task<T> WaitAsync<T>(Func<T?> probe) => WaitAsync(() => Task.FromResult(probe()));
}
