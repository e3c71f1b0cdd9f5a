using Academy.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Notifications.Data;

public class NotificationsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__NotificationsMigrations";

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseAcademyConventions(this);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<OutboxMessage>(message =>
        {
            message.ToTable("OutboxMessages");
            message.Property(m => m.To).HasMaxLength(320);
            message.Property(m => m.Subject).HasMaxLength(400);
            message.Property(m => m.LastError).HasMaxLength(2000);
            // The dispatcher's question: what is unsent and due?
            message.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        });
    }
}

public sealed class SqliteNotificationsDbContext(DbContextOptions<SqliteNotificationsDbContext> options) : NotificationsDbContext(options);

public sealed class SqlServerNotificationsDbContext(DbContextOptions<SqlServerNotificationsDbContext> options) : NotificationsDbContext(options);

public sealed class SqliteNotificationsDesignTimeFactory() : SqliteDesignTimeFactory<SqliteNotificationsDbContext>(NotificationsDbContext.MigrationsHistoryTable);

public sealed class SqlServerNotificationsDesignTimeFactory() : SqlServerDesignTimeFactory<SqlServerNotificationsDbContext>(NotificationsDbContext.MigrationsHistoryTable);
