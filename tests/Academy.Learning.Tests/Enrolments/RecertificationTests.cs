using Academy.Learning.Enrolments;
using Academy.Learning.Progress;
using Academy.Learning.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Learning.Tests.Enrolments;

/// Recertification (issue 11 §3): a completion of a course with a validity period expires that many months later, and
/// the job enrols the person again the recertification window (30 days by default) before.
public sealed class RecertificationTests(LearningSite site) : IClassFixture<LearningSite>
{
    private async Task<Enrolment> CompletedAsync(Academy.Learning.Courses.Course course, DateTimeOffset completedAt)
    {
        var userId = await site.CreateUserAsync(Arrange.NewEmail("learner"), [Roles.Learner]);
        var enrolment = await site.EnrolAsync(userId, course);
        await site.DbAsync(async db =>
        {
            db.EnrolmentProgress.Add(new EnrolmentProgress
            {
                EnrolmentId = enrolment.Id, Status = ProgressStatus.Completed, CompletedAt = completedAt, LastActivityAt = completedAt, TimeSpent = TimeSpan.FromMinutes(20),
                // As the projection keeps them (see EnrolmentProgress.ExpiresOn).
                CompletedOn = DateOnly.FromDateTime(completedAt.UtcDateTime),
                ExpiresOn = course.ValidityMonths > 0 ? DateOnly.FromDateTime(completedAt.UtcDateTime).AddMonths(course.ValidityMonths) : null,
            });
            return await db.SaveChangesAsync();
        });
        return enrolment;
    }

    private Task<int> RunAsync() => site.WithServicesAsync(sp => sp.GetRequiredService<RecertificationJob>().RunAsync(CancellationToken.None));

    private Task<List<Enrolment>> EnrolmentsAsync(Enrolment of) =>
        site.DbAsync(db => db.Enrolments.AsNoTracking().Where(e => e.UserId == of.UserId && e.CourseId == of.CourseId).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task Run_CompletionExpiringWithinTheWindow_EndsItAndEnrolsAgainDueOnTheExpiryDate_AndASecondRunDoesNothing()
    {
        var course = await site.CourseAsync("Information governance", 12, "page:only");
        var completedAt = DateTimeOffset.UtcNow.AddMonths(-12).AddDays(20); // expires in 20 days
        var completed = await CompletedAsync(course, completedAt);
        var expires = DateOnly.FromDateTime(completedAt.UtcDateTime).AddMonths(12);

        var first = await RunAsync();
        var afterFirst = await EnrolmentsAsync(completed);
        var second = await RunAsync();
        var afterSecond = await EnrolmentsAsync(completed);

        Assert.True(first >= 1);
        Assert.Equal(2, afterFirst.Count);
        Assert.NotNull(afterFirst[0].EndedAt);
        Assert.Null(afterFirst[1].EndedAt);
        Assert.Equal(expires, afterFirst[1].DueOn);
        Assert.NotEqual(afterFirst[0].Registration, afterFirst[1].Registration);
        Assert.Equal(0, second);
        Assert.Equal(afterFirst.Select(e => (e.Id, e.EndedAt)), afterSecond.Select(e => (e.Id, e.EndedAt)));
    }

    [Fact]
    public async Task Run_CompletionOutsideTheWindowOrACourseThatNeverExpires_IsLeftAlone()
    {
        var expiring = await site.CourseAsync("Expires yearly", 12, "page:only");
        var forever = await site.CourseAsync("Never expires", 0, "page:only");
        var recent = await CompletedAsync(expiring, DateTimeOffset.UtcNow.AddMonths(-12).AddDays(45)); // expires in 45 days
        var old = await CompletedAsync(forever, DateTimeOffset.UtcNow.AddYears(-5));

        await RunAsync();

        Assert.Single(await EnrolmentsAsync(recent));
        Assert.Single(await EnrolmentsAsync(old));
        Assert.Null((await EnrolmentsAsync(recent)).Single().EndedAt);
    }

    [Fact]
    public async Task Run_CompletionAlreadyExpired_EnrolsAgainDueOnTheDayItExpired_WhichMyLearningShowsOverdue()
    {
        var course = await site.CourseAsync("Fire safety", 6, "page:only");
        var completed = await CompletedAsync(course, DateTimeOffset.UtcNow.AddMonths(-7));

        await RunAsync();

        var renewed = (await EnrolmentsAsync(completed)).Last();
        Assert.True(renewed.DueOn < DateOnly.FromDateTime(DateTime.UtcNow));
        var overview = await site.WithServicesAsync(sp => sp.GetRequiredService<MyLearning>().ForAsync(completed.UserId, CancellationToken.None));
        Assert.True(overview.NotStarted.Single(c => c.EnrolmentId == renewed.Id).Overdue);
    }
}
