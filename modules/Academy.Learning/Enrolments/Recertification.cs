using System.ComponentModel.DataAnnotations;
using Academy.Learning.Courses;
using Academy.Learning.Data;
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
/// completed (EnrolmentProgress.ExpiresOn). This job, run daily by LearningModule (Academy:Learning:RecertificationCron), finds live completed
/// enrolments whose completion expires within the window and renews each through <see cref="EnrolmentRules.RenewAsync"/>:
/// the old enrolment ends (its completion and certificate stay) and a new one starts, due on the expiry date. A renewed
/// enrolment has ended, so a second run finds nothing more to do. Retired courses are not renewed.
public sealed class RecertificationJob(LearningDbContext db, EnrolmentRules enrolments, IOptions<RecertificationOptions> options, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var until = today.AddDays(options.Value.WindowDays);
        // The expiry is the progress row's (completion day + the course's validity), the same one EnrolmentStanding reads.
        var due = await db.Enrolments.AsNoTracking()
            .Where(e => e.EndedAt == null && e.Course.ValidityMonths > 0 && e.Course.Status == CourseStatus.Published)
            .WithStanding(db.EnrolmentProgress, today)
            .Where(r => (r.Standing == Standing.Completed || r.Standing == Standing.Expiring || r.Standing == Standing.Expired)
                        && r.Progress!.ExpiresOn != null && r.Progress.ExpiresOn <= until)
            .Select(r => new { r.Enrolment, ExpiresOn = r.Progress!.ExpiresOn!.Value })
            .ToListAsync(cancellationToken);
        var renewed = 0;
        foreach (var item in due)
            if (await enrolments.RenewAsync(item.Enrolment, item.ExpiresOn, cancellationToken) is not null) renewed++;
        return renewed;
    }
}
