using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Academy.Learning.Tests.Enrolments;

/// Issue 14 §3: the learning jobs' schedules are bound through options (LearningSchedules) and checked when the site
/// starts, as the exemplar reminder's is.
public sealed class JobScheduleTests
{
    [Fact]
    public async Task Start_WithSchedulesConfigured_SchedulesEachJobOnItsOwn()
    {
        await using var site = AcademySite.Create(overrides: new Dictionary<string, string?>
        {
            ["Academy:Learning:RecertificationCron"] = "15 1 * * *", ["Academy:Learning:ReminderCron"] = "30 6 * * 1-5",
            ["Academy:Learning:DigestCron"] = "0 8 * * 2",
        });
        await site.CreateAnonymousClient().GetAsync("/health");

        using var connection = site.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id, j => j.Cron);

        Assert.Equal("15 1 * * *", jobs[LearningModule.RecertificationJobId]);
        Assert.Equal("30 6 * * 1-5", jobs[LearningModule.ReminderJobId]);
        Assert.Equal("0 8 * * 2", jobs[LearningModule.DigestJobId]);
    }

    [Fact]
    public async Task Start_WithoutSchedules_RunsRecertificationBeforeTheRemindersAndTheDigestOnMondays()
    {
        await using var site = AcademySite.Create();
        await site.CreateAnonymousClient().GetAsync("/health");

        using var connection = site.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id, j => j.Cron);

        Assert.Equal(Cron.Daily(2), jobs[LearningModule.RecertificationJobId]);
        Assert.Equal(Cron.Daily(7), jobs[LearningModule.ReminderJobId]);
        Assert.Equal(Cron.Weekly(DayOfWeek.Monday, 7), jobs[LearningModule.DigestJobId]);
    }

    [Theory]
    [InlineData("RecertificationCron")]
    [InlineData("ReminderCron")]
    [InlineData("DigestCron")]
    public async Task Start_WithAScheduleThatIsNotCron_FailsNamingTheSetting(string schedule)
    {
        await using var site = AcademySite.Create(overrides: new Dictionary<string, string?> { [$"Academy:Learning:{schedule}"] = "every morning" });

        var refused = Record.Exception(() => site.CreateAnonymousClient());

        var validation = Assert.IsType<OptionsValidationException>(refused is AggregateException many ? many.InnerExceptions.Single() : refused);
        Assert.Contains($"Academy:Learning:{schedule} must be a cron expression of 5 or 6 fields, such as \"0 7 * * *\" (Cron.Never() is \"0 0 31 2 *\")", validation.Failures);
    }
}
