using Academy.Learning.Enrolments;
using Academy.Learning.Progress;
using Academy.Learning.Tests.Support;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Learning.Tests.Enrolments;

/// Learner reminders (issue 11 §4): the recurring Hangfire job emails each learner whose courses are due within 7 days
/// or overdue, through the outbox, at most once a week.
public sealed class ReminderTests(LearningSite site) : IClassFixture<LearningSite>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private Task<int> RunAsync() => site.WithServicesAsync(sp => sp.GetRequiredService<LearnerReminderJob>().RunAsync(CancellationToken.None));

    private Task<int> RemindersAsync(string userId) => site.DbAsync(db => db.LearnerReminders.CountAsync(r => r.UserId == userId));

    [Fact]
    public async Task RecurringJob_TriggeredTwiceInADay_EmailsADueAndAnOverdueCourseOnce()
    {
        var email = Arrange.NewEmail("reminded");
        var userId = await site.CreateUserAsync(email, [Roles.Learner], name: "Ada Okafor");
        var soon = await site.CourseAsync("Due soon " + Guid.NewGuid().ToString("N")[..6], 0, "page:only");
        var late = await site.CourseAsync("Overdue " + Guid.NewGuid().ToString("N")[..6], 0, "page:only");
        var later = await site.CourseAsync("Due later " + Guid.NewGuid().ToString("N")[..6], 0, "page:only");
        await site.EnrolAsync(userId, soon, Today.AddDays(5));
        await site.EnrolAsync(userId, late, Today.AddDays(-3));
        await site.EnrolAsync(userId, later, Today.AddDays(30));

        // Through Hangfire as the schedule runs it: the recurring job, its email through the outbox to the pickup folder.
        site.Services.GetRequiredService<IRecurringJobManager>().Trigger(LearningModule.ReminderJobId);
        var message = await site.WaitForEmailAsync(email);
        var secondRun = await RunAsync();
        await Task.Delay(1500);

        Assert.Contains("Dear Ada Okafor", message);
        Assert.Contains(soon.Title, message);
        Assert.Contains(late.Title + ": overdue", message);
        Assert.Contains($"/learning/courses/{soon.Slug}", message);
        Assert.DoesNotContain(later.Title, message);
        Assert.Equal(0, secondRun);
        Assert.Equal(1, await RemindersAsync(userId));
        Assert.Single(site.PickedUpEmails(), e => e.Contains(email, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_CompletedOrEndedOrUndatedEnrolments_SendNothing()
    {
        var userId = await site.CreateUserAsync(Arrange.NewEmail("done"), [Roles.Learner]);
        var done = await site.CourseAsync("Completed", 0, "page:only");
        var ended = await site.CourseAsync("Ended", 0, "page:only");
        var undated = await site.CourseAsync("Undated", 0, "page:only");
        var completed = await site.EnrolAsync(userId, done, Today.AddDays(-1));
        var gone = await site.EnrolAsync(userId, ended, Today.AddDays(-1));
        await site.EnrolAsync(userId, undated);
        await site.DbAsync(async db =>
        {
            db.EnrolmentProgress.Add(new EnrolmentProgress { EnrolmentId = completed.Id, Status = ProgressStatus.Passed, CompletedAt = DateTimeOffset.UtcNow, LastActivityAt = DateTimeOffset.UtcNow });
            await db.Enrolments.Where(e => e.Id == gone.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.EndedAt, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });

        await RunAsync();

        Assert.Equal(0, await RemindersAsync(userId));
    }

    [Fact]
    public async Task Run_ALearnerRemindedSixDaysAgo_IsNotRemindedUntilTheSeventhDay()
    {
        var userId = await site.CreateUserAsync(Arrange.NewEmail("weekly"), [Roles.Learner]);
        await site.EnrolAsync(userId, await site.CourseAsync("Weekly", 0, "page:only"), Today.AddDays(-10));
        await site.DbAsync(async db =>
        {
            db.LearnerReminders.Add(new LearnerReminder { UserId = userId, SentOn = Today.AddDays(-6), Courses = 1 });
            return await db.SaveChangesAsync();
        });

        await RunAsync();
        var afterSixDays = await RemindersAsync(userId);
        await site.DbAsync(db => db.LearnerReminders.Where(r => r.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.SentOn, Today.AddDays(-7))));
        await RunAsync();

        Assert.Equal(1, afterSixDays);
        Assert.Equal(2, await RemindersAsync(userId));
    }
}
