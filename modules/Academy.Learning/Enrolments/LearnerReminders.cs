using System.Globalization;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Modules;
using Academy.Notifications;
using Academy.Web;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Enrolments;

/// A reminder sent to a learner: one row per learner per day it went, so that a learner gets one a week at most.
public sealed class LearnerReminder
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public DateOnly SentOn { get; set; }
    public int Courses { get; set; }
}

/// Reminds each learner of their courses that are overdue or due within 7 days (live and not complete by
/// EnrolmentStanding, on a published course): one email listing them all, through the outbox, and at most one a week. A learner reminded on a day is not
/// reminded again until 7 days later, so running the job twice in a day (or every day) sends nothing twice.
/// Scheduled daily by LearningModule (Academy:Learning:ReminderCron).
public sealed class LearnerReminderJob(LearningDbContext db, IStaffDirectory staff, IEmailOutbox outbox, ISiteLinks links, TimeProvider clock)
{
    public const int DaysAhead = 7;
    public const int EveryDays = 7;
    private const int LearnersPerTransaction = 200;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var horizon = today.AddDays(DaysAhead);
        var remindedSince = today.AddDays(1 - EveryDays);
        var due = await db.Enrolments.AsNoTracking()
            .Where(e => e.EndedAt == null && e.DueOn != null && e.DueOn <= horizon && e.Course.Status == CourseStatus.Published)
            .Where(e => !db.LearnerReminders.Any(r => r.UserId == e.UserId && r.SentOn >= remindedSince))
            .WithStanding(db.EnrolmentProgress, today)
            .Where(r => r.Standing == Standing.Overdue || r.Standing == Standing.NotStarted || r.Standing == Standing.InProgress)
            .Select(r => new { r.Enrolment.UserId, DueOn = r.Enrolment.DueOn!.Value, r.Enrolment.Course.Slug, r.Enrolment.Course.Title })
            .ToListAsync(cancellationToken);
        var learners = due.GroupBy(d => d.UserId).ToList();
        var accounts = (await staff.ByIdAsync(learners.Select(l => l.Key), cancellationToken)).Where(p => !p.Disabled).ToDictionary(a => a.UserId);
        var sent = 0;
        foreach (var chunk in learners.Where(l => accounts.ContainsKey(l.Key)).Chunk(LearnersPerTransaction))
        {
            db.ChangeTracker.Clear();
            var messages = new List<EmailMessage>();
            foreach (var learner in chunk)
            {
                var account = accounts[learner.Key];
                var lines = learner.OrderBy(c => c.DueOn).ThenBy(c => c.Title).Select(c =>
                    $"- {c.Title}: {(c.DueOn < today ? "overdue, it was due on" : "due on")} {Date(c.DueOn)}\n  {links.ToPage("/Courses/Course", "Learning", new { slug = c.Slug })}");
                messages.Add(new EmailMessage(account.Email, learner.Any(c => c.DueOn < today) ? "You have overdue courses in the Digital Academy" : "You have courses due soon in the Digital Academy",
                    $"Dear {account.DisplayName},\n\nThese courses are overdue or due within {DaysAhead} days:\n\n{string.Join("\n", lines)}\n\n" +
                    $"See all your learning: {links.ToPage("/Index", "Learning")}\n\nWe send this reminder at most once a week.\n"));
                db.LearnerReminders.Add(new LearnerReminder { UserId = learner.Key, SentOn = today, Courses = learner.Count() });
            }
            await outbox.SaveChangesWithEmailAsync(db, messages, cancellationToken);
            sent += messages.Count;
        }
        return sent;
    }

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
