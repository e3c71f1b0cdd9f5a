using Academy.Jobs;
using Hangfire;

namespace Academy.Exemplars.Returns;

/// When the return reminder job runs, bound from Academy:Exemplars and checked when the site starts (CronSchedule).
public sealed class ReturnReminderOptions
{
    public const string Section = "Academy:Exemplars";
    public static readonly string Problem = CronSchedule.Problem($"{Section}:{nameof(ReminderCron)}");

    /// Daily at 07:00 UTC unless configured.
    public string ReminderCron { get; set; } = Cron.Daily(7);

    public bool IsValid() => CronSchedule.IsValid(ReminderCron);
}
