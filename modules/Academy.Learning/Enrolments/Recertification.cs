using System.ComponentModel.DataAnnotations;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Learning.Progress;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Academy.Learning.Enrolments;

/// Academy:Learning:Recertification. WindowDays: how many days before a completion expires the person is enrolled
/// again (30 by default, the same 30 days for which My learning and the dashboard show a completion as expiring).
public sealed class RecertificationOptions
{
    public const string Section = "Academy:Learning:Recertification";

    [Range(1, 365)]
    public int WindowDays { get; set; } = 30;
}

/// A course with a validity period (ValidityMonths above 0) expires a completion that many months after the day it was
/// completed. This job, run daily by LearningModule (Academy:Learning:RecertificationCron), finds live completed
/// enrolments whose completion expires within the window and renews each through <see cref="EnrolmentRules.RenewAsync"/>:
/// the old enrolment ends (its completion and certificate stay) and a new one starts, due on the expiry date. A renewed
/// enrolment has ended, so a second run finds nothing more to do. Retired courses are not renewed.
public sealed class RecertificationJob(LearningDbContext db, EnrolmentRules enrolments, IOptions<RecertificationOptions> options, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var until = today.AddDays(options.Value.WindowDays);
        var periods = await db.Courses.AsNoTracking().Where(c => c.ValidityMonths > 0 && c.Status == CourseStatus.Published)
            .Select(c => c.ValidityMonths).Distinct().ToListAsync(cancellationToken);
        var renewed = 0;
        // One query per validity period, so that only completions old enough to be inside the window are read.
        foreach (var months in periods)
        {
            var completedBefore = new DateTimeOffset(until.AddMonths(-months).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var due = await (from e in db.Enrolments.AsNoTracking()
                             join p in db.EnrolmentProgress on e.Id equals p.EnrolmentId
                             where e.EndedAt == null && e.Course.ValidityMonths == months && e.Course.Status == CourseStatus.Published
                                   && (p.Status == ProgressStatus.Completed || p.Status == ProgressStatus.Passed) && p.CompletedAt < completedBefore
                             select new { Enrolment = e, CompletedAt = p.CompletedAt!.Value })
                .ToListAsync(cancellationToken);
            foreach (var item in due)
            {
                var expires = ExpiresOn(item.CompletedAt, months);
                if (expires > until) continue;
                if (await enrolments.RenewAsync(item.Enrolment, expires, cancellationToken) is not null) renewed++;
            }
        }
        return renewed;
    }

    /// The day a completion stops being valid, as My learning reckons it.
    public static DateOnly ExpiresOn(DateTimeOffset completedAt, int validityMonths) =>
        DateOnly.FromDateTime(completedAt.UtcDateTime).AddMonths(validityMonths);
}
