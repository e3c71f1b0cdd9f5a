using Academy.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Academy.Identity;

/// Identity's part of a site's first run, asked by the host's setup (issue 14 §3): the host no longer writes
/// Identity's tables. The settings row is written last; until it exists the site still shows /setup.
public sealed class SiteSetup(AccountsDbContext db, UserManager<AcademyUser> users, TimeProvider clock)
{
    public Task<bool> IsDoneAsync(CancellationToken cancellationToken) => db.SiteSettings.AnyAsync(cancellationToken);

    /// The first administrator (also a learner), made if the address has no account yet. Returns why the password
    /// was refused, or null.
    public async Task<string?> EnsureFirstAdministratorAsync(string email, string password)
    {
        var admin = await users.FindByEmailAsync(email);
        if (admin is null)
        {
            admin = new AcademyUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator", CreatedAt = clock.GetUtcNow() };
            var created = await users.CreateAsync(admin, password);
            if (!created.Succeeded) return string.Join(" ", created.Errors.Select(e => e.Description));
        }
        foreach (var role in new[] { Roles.Administrator, Roles.Learner })
        {
            if (!await users.IsInRoleAsync(admin, role)) await users.AddToRoleAsync(admin, role);
        }
        return null;
    }

    /// Records the site's settings, which ends setup. False when another setup finished first (the row has a fixed key).
    public async Task<bool> CompleteAsync(string siteName, bool allowRegistration, CancellationToken cancellationToken)
    {
        db.SiteSettings.Add(new SiteSettingsRecord { SiteName = siteName.Trim(), AllowRegistration = allowRegistration, SetupCompletedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}
