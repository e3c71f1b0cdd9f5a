using Academy.Jobs;
using Hangfire;

namespace Academy.Learning;

/// When the learning module's recurring jobs run, bound from Academy:Learning and checked when the site starts
/// (CronSchedule): recertification at 02:00 UTC, before the reminders at 07:00 see its new enrolments; the CCIOs'
/// digest on Mondays at 07:00.
public sealed class LearningSchedules
{
    public const string Section = "Academy:Learning";

    public string RecertificationCron { get; set; } = Cron.Daily(2);
    public string ReminderCron { get; set; } = Cron.Daily(7);
    public string DigestCron { get; set; } = Cron.Weekly(DayOfWeek.Monday, 7);

    /// The message naming the key, when the schedule of that name is not a cron expression.
    public static string Problem(string schedule) => CronSchedule.Problem($"{Section}:{schedule}");
}
