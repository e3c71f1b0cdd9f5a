namespace Academy.Modules;

/// The site-wide settings chosen at setup. Null until setup has run.
public interface ISiteSettingsStore
{
    Task<SiteSettings?> GetAsync(CancellationToken cancellationToken = default);
}

public sealed record SiteSettings(string SiteName, bool AllowRegistration);
