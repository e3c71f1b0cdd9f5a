using System.Text.RegularExpressions;
using Hangfire;

namespace Academy.Exemplars.Returns;

/// When the return reminder job runs, bound from Academy:Exemplars and checked when the site starts (a cron
/// expression that cannot be right stops the start with the key's name, instead of a job that never runs).
public sealed partial class ReturnReminderOptions
{
    public const string Section = "Academy:Exemplars";
    public const string Problem = "Academy:Exemplars:ReminderCron must be a cron expression of 5 or 6 fields, such as \"0 7 * * *\" (Cron.Never() is \"0 0 31 2 *\")";

    /// Daily at 07:00 UTC unless configured.
    public string ReminderCron { get; set; } = Cron.Daily(7);

    public bool IsValid() => CronFields().IsMatch(ReminderCron ?? "");

    [GeneratedRegex(@"^\s*[0-9A-Za-z*/,?#LW-]+(\s+[0-9A-Za-z*/,?#LW-]+){4,5}\s*$")]
    private static partial Regex CronFields();
}
