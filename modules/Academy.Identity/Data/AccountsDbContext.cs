using Academy.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Academy.Identity.Data;

/// Accounts, roles, the site's settings and the data-protection key ring (kept in the database so
/// that sign-in cookies survive a restart and are valid on every web node).
public class AccountsDbContext(DbContextOptions options) : IdentityDbContext<AcademyUser>(options), IDataProtectionKeyContext
{
    public const string MigrationsHistoryTable = "__AccountsMigrations";

    public DbSet<SiteSettingsRecord> SiteSettings => Set<SiteSettingsRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<UserSession> Sessions => Set<UserSession>();
    public DbSet<AccountAttempt> Attempts => Set<AccountAttempt>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseAcademyConventions(this);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AcademyUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.TrustOdsCode).HasMaxLength(10);
            user.HasIndex(u => u.TrustOdsCode);
        });
        builder.Entity<SiteSettingsRecord>(settings =>
        {
            settings.ToTable("SiteSettings");
            settings.Property(s => s.Id).ValueGeneratedNever();
            settings.Property(s => s.SiteName).HasMaxLength(200);
        });
        builder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
        builder.Entity<UserSession>(session =>
        {
            session.ToTable("UserSessions");
            session.Property(s => s.Id).HasMaxLength(64);
            session.Property(s => s.UserId).HasMaxLength(450);
            session.HasIndex(s => s.UserId);
            session.HasIndex(s => s.ExpiresAt);
        });
        builder.Entity<AccountAttempt>(attempt =>
        {
            attempt.ToTable("AccountAttempts");
            attempt.Property(a => a.Kind).HasMaxLength(32);
            attempt.Property(a => a.Key).HasMaxLength(64);
            attempt.HasIndex(a => new { a.Kind, a.Key, a.At });
            attempt.HasIndex(a => a.At);
        });
    }
}

public sealed class SqliteAccountsDbContext(DbContextOptions<SqliteAccountsDbContext> options) : AccountsDbContext(options);

public sealed class SqlServerAccountsDbContext(DbContextOptions<SqlServerAccountsDbContext> options) : AccountsDbContext(options);

public sealed class SqliteAccountsDesignTimeFactory() : SqliteDesignTimeFactory<SqliteAccountsDbContext>(AccountsDbContext.MigrationsHistoryTable);

public sealed class SqlServerAccountsDesignTimeFactory() : SqlServerDesignTimeFactory<SqlServerAccountsDbContext>(AccountsDbContext.MigrationsHistoryTable);
