using Academy.Identity.Data;
using Academy.Modules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Academy.Identity.Accounts;

/// Identity's part of the first run: the first administrator's account and the site's settings row, which
/// the host's setup (the page or unattended) asks for instead of writing Identity's tables itself.
public sealed class SiteSetup(AccountsDbContext db, UserManager<AcademyUser> users, TimeProvider clock)
{
    public Task<bool> IsDoneAsync(CancellationToken cancellationToken) => db.SiteSettings.AnyAsync(cancellationToken);

    /// The account for the address (made with the password if there is none yet) holds the Administrator and
    /// Learner roles. Null when it does; otherwise why the password was refused.
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

    /// Records the site's settings, which ends setup. False when another setup recorded them first (the row has a fixed key).
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
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
