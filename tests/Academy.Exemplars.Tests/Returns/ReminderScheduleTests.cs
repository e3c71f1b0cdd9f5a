using Academy.Exemplars.Returns;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Academy.Exemplars.Tests.Returns;

/// Issue 14 §3: the reminder job's schedule is bound through options and checked when the site starts.
public sealed class ReminderScheduleTests
{
    [Fact]
    public async Task Start_WithAReminderCronConfigured_SchedulesTheReminderJobOnIt()
    {
        await using var site = AcademySite.Create(overrides: new Dictionary<string, string?> { ["Academy:Exemplars:ReminderCron"] = "30 6 * * 1" });
        await site.CreateAnonymousClient().GetAsync("/health");

        using var connection = site.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().Single(j => j.Id == "exemplar-return-reminders");

        Assert.Equal("30 6 * * 1", job.Cron);
        Assert.Equal("30 6 * * 1", site.Services.GetRequiredService<IOptions<ReturnReminderOptions>>().Value.ReminderCron);
    }

    [Fact]
    public async Task Start_WithAReminderCronThatIsNotCron_FailsNamingTheSetting()
    {
        await using var site = AcademySite.Create(overrides: new Dictionary<string, string?> { ["Academy:Exemplars:ReminderCron"] = "every morning" });

        var refused = Record.Exception(() => site.CreateAnonymousClient());

        var validation = Assert.IsType<OptionsValidationException>(refused is AggregateException many ? many.InnerExceptions.Single() : refused);
        Assert.Contains(ReturnReminderOptions.Problem, validation.Failures);
    }
}
