namespace Academy.Identity.Data;

/// The one row of site-wide settings written by setup. Its presence means setup has run.
public sealed class SiteSettingsRecord
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public string SiteName { get; set; } = "";
    public bool AllowRegistration { get; set; }
    public DateTimeOffset SetupCompletedAt { get; set; }
}
