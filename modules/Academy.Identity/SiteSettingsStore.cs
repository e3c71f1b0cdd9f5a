using Academy.Identity.Data;
using Academy.Modules;
using Microsoft.EntityFrameworkCore;

namespace Academy.Identity;

internal sealed class SiteSettingsStore(AccountsDbContext db) : ISiteSettingsStore
{
    private SiteSettings? loaded;

    // Read once per request (the store is scoped), never cached across requests: another web node may change it.
    public async Task<SiteSettings?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (loaded is not null) return loaded;
        var row = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return loaded = row is null ? null : new SiteSettings(row.SiteName, row.AllowRegistration);
    }
}
