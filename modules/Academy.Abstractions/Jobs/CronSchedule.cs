using System.Text.RegularExpressions;

namespace Academy.Jobs;

/// The one check every recurring job's schedule gets when the site starts (options bound with ValidateOnStart): a
/// value that cannot be a cron expression stops the start naming its key, instead of a job that never runs.
public static partial class CronSchedule
{
    public static bool IsValid(string? cron) => CronFields().IsMatch(cron ?? "");

    /// "Academy:Learning:ReminderCron must be a cron expression ...", for the options' validation failure.
    public static string Problem(string key) =>
        $"{key} must be a cron expression of 5 or 6 fields, such as \"0 7 * * *\" (Cron.Never() is \"0 0 31 2 *\")";

    [GeneratedRegex(@"^\s*[0-9A-Za-z*/,?#LW-]+(\s+[0-9A-Za-z*/,?#LW-]+){4,5}\s*$")]
    private static partial Regex CronFields();
}
