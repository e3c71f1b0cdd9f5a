using Academy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Academy.Exemplars.Data;

public class ExemplarsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__ExemplarsMigrations";

    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<Trust> Trusts => Set<Trust>();
    public DbSet<Participation> Participations => Set<Participation>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.UseAcademyConventions(this);
        // Money is exact: pounds and pence.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        // SQLite has no exact decimal type: EF would store text it cannot sum or compare. Whole pence can.
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
            configurationBuilder.Properties<decimal>().HaveConversion<PenceConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<Programme>(programme =>
        {
            programme.ToTable("ExemplarProgrammes");
            programme.HasIndex(p => p.Slug).IsUnique();
            programme.Property(p => p.Slug).HasMaxLength(100);
            programme.Property(p => p.Name).HasMaxLength(200);
            programme.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        });
        builder.Entity<Trust>(trust =>
        {
            trust.ToTable("ExemplarTrusts");
            trust.HasIndex(t => t.OdsCode).IsUnique();
            trust.Property(t => t.OdsCode).HasMaxLength(10);
            trust.Property(t => t.Name).HasMaxLength(200);
            trust.Property(t => t.Region).HasMaxLength(100);
        });
        builder.Entity<Participation>(participation =>
        {
            participation.ToTable("ExemplarParticipations");
            participation.HasIndex(p => new { p.ProgrammeId, p.TrustId }).IsUnique();
            participation.Property(p => p.PartnerOrganisation).HasMaxLength(200);
            participation.Property(p => p.MaturityTarget).HasMaxLength(200);
            participation.HasOne(p => p.Programme).WithMany(p => p.Participations).OnDelete(DeleteBehavior.Restrict);
            participation.HasOne(p => p.Trust).WithMany(t => t.Participations).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

public sealed class SqliteExemplarsDbContext(DbContextOptions<SqliteExemplarsDbContext> options) : ExemplarsDbContext(options);

public sealed class SqlServerExemplarsDbContext(DbContextOptions<SqlServerExemplarsDbContext> options) : ExemplarsDbContext(options);

public sealed class SqliteExemplarsDesignTimeFactory() : SqliteDesignTimeFactory<SqliteExemplarsDbContext>(ExemplarsDbContext.MigrationsHistoryTable);

public sealed class SqlServerExemplarsDesignTimeFactory() : SqlServerDesignTimeFactory<SqlServerExemplarsDbContext>(ExemplarsDbContext.MigrationsHistoryTable);

/// Pounds (decimal, to the penny) as whole pence on SQLite.
public sealed class PenceConverter() : ValueConverter<decimal, long>(pounds => (long)(pounds * 100m), pence => pence / 100m);
