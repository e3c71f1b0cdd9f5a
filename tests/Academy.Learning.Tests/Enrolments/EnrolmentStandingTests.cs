using Academy.Learning.Enrolments;
using Academy.Learning.Progress;
using Academy.Learning.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Tests.Enrolments;

/// Issue 11 §5: where an enrolment stands is one rule, counted in SQL (the dashboard, reminders and a trust's
/// figures group by it) and the same in memory.
public sealed class EnrolmentStandingTests(LearningSite site) : IClassFixture<LearningSite>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task WithStanding_GroupedByStanding_CountsEachStandingInSql()
    {
        var course = await site.CourseAsync("Standing course", 12, "page:only");
        var arranged = new (DateOnly? DueOn, ProgressStatus? Status, DateOnly? ExpiresOn, Standing Expected)[]
        {
            (null, null, null, Standing.NotStarted),
            (Today.AddDays(3), null, null, Standing.NotStarted),
            (Today.AddDays(-1), null, null, Standing.Overdue),
            (Today, ProgressStatus.InProgress, null, Standing.InProgress),
            (Today.AddDays(-2), ProgressStatus.Failed, null, Standing.Overdue),
            (null, ProgressStatus.Failed, null, Standing.InProgress),
            (Today.AddDays(-9), ProgressStatus.Passed, null, Standing.Completed),
            (null, ProgressStatus.Completed, Today.AddDays(31), Standing.Completed),
            (null, ProgressStatus.Completed, Today.AddDays(30), Standing.Expiring),
            (null, ProgressStatus.Passed, Today, Standing.Expiring),
            (Today.AddDays(-40), ProgressStatus.Completed, Today.AddDays(-1), Standing.Expired),
        };
        var ids = new List<int>();
        foreach (var (dueOn, status, expiresOn, _) in arranged)
        {
            var enrolment = await site.EnrolAsync("standing-" + Guid.NewGuid().ToString("N"), course, dueOn);
            ids.Add(enrolment.Id);
            if (status is { } s)
                await site.DbAsync(async db =>
                {
                    db.EnrolmentProgress.Add(new EnrolmentProgress
                    {
                        EnrolmentId = enrolment.Id, Status = s, LastActivityAt = DateTimeOffset.UtcNow, ExpiresOn = expiresOn,
                        CompletedAt = s is ProgressStatus.Completed or ProgressStatus.Passed ? DateTimeOffset.UtcNow : null,
                    });
                    return await db.SaveChangesAsync();
                });
        }

        var (sql, counts, each) = await site.DbAsync(async db =>
        {
            var query = db.Enrolments.Where(e => e.CourseId == course.Id).WithStanding(db.EnrolmentProgress, Today)
                .GroupBy(r => r.Standing).Select(g => new { Standing = g.Key, Count = g.Count() });
            var rows = await db.Enrolments.Where(e => e.CourseId == course.Id).WithStanding(db.EnrolmentProgress, Today)
                .Select(r => new { r.Enrolment.Id, r.Standing }).ToDictionaryAsync(r => r.Id, r => r.Standing);
            return (query.ToQueryString(), await query.ToDictionaryAsync(g => g.Standing, g => g.Count), rows);
        });

        Assert.Contains("GROUP BY", sql);
        Assert.Contains("CASE", sql);
        Assert.Equal(arranged.GroupBy(a => a.Expected).ToDictionary(g => g.Key, g => g.Count()), counts);
        Assert.Equal(arranged.Select(a => a.Expected), ids.Select(id => each[id]));
        Assert.Equal(arranged.Select(a => a.Expected), arranged.Select(a => EnrolmentStanding.Of(a.DueOn,
            a.Status is { } s ? new EnrolmentProgress { Status = s, ExpiresOn = a.ExpiresOn } : null, Today)));
    }
}
