using Academy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Academy.Exemplars.Data;

public class ExemplarsDbContext(DbContextOptions options) : DbContext(options), IAuditTrailContext
{
    public const string MigrationsHistoryTable = "__ExemplarsMigrations";

    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<Trust> Trusts => Set<Trust>();
    public DbSet<Participation> Participations => Set<Participation>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<Instalment> Instalments => Set<Instalment>();
    public DbSet<Claim> Claims => Set<Claim>();
    public DbSet<Benefit> Benefits => Set<Benefit>();
    public DbSet<ProgressReturn> Returns => Set<ProgressReturn>();
    public DbSet<MilestoneUpdate> MilestoneUpdates => Set<MilestoneUpdate>();
    public DbSet<RiskIssue> Risks => Set<RiskIssue>();
    public DbSet<BenefitMeasurement> BenefitMeasurements => Set<BenefitMeasurement>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Lesson> Lessons => Set<Lesson>();
    public DbSet<Blueprint> Blueprints => Set<Blueprint>();
    public DbSet<BlueprintLesson> BlueprintLessons => Set<BlueprintLesson>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.UseAcademyConventions(this);
        // Money is exact: pounds and pence.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        // SQLite has no exact decimal type: EF would store text it cannot sum or compare. Whole pence can.
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
            configurationBuilder.Properties<decimal>().HaveConversion<PenceConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder) =>
        // One IEntityTypeConfiguration per entity, beside it in its aggregate's file (Programmes.cs, Funding.cs, Milestones.cs, Returns.cs, Lessons.cs, Audit.cs).
        builder.ApplyConfigurationsFromAssembly(typeof(ExemplarsDbContext).Assembly);

    bool IAuditTrailContext.IsAudited(EntityEntry entry) => entry.Entity is IAudited;

    void IAuditTrailContext.CheckTrail()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The audit trail is append-only.");
    }

    void IAuditTrailContext.AddAuditEntries(IReadOnlyList<AuditedChange> changes, string actor, DateTimeOffset at)
    {
        foreach (var change in changes)
        {
            var audited = (IAudited)change.Entry.Entity;
            var recordId = change.RecordId;
            foreach (var field in change.Fields)
                AuditEntries.Add(new AuditEntry
                {
                    At = at, Actor = actor, Entity = change.Entry.Metadata.ClrType.Name, RecordId = recordId, Action = change.Action,
                    Field = field.Name, OldValue = Truncate(field.OldValue), NewValue = Truncate(field.NewValue),
                    ParticipationId = audited.AuditParticipationId is > 0 ? audited.AuditParticipationId : null,
                    ReturnId = audited.AuditReturnId is > 0 ? audited.AuditReturnId : null,
                });
        }
    }

    private static string? Truncate(string? value) => value is { Length: > 4000 } ? value[..4000] + "…" : value;
}

public sealed class SqliteExemplarsDbContext(DbContextOptions<SqliteExemplarsDbContext> options) : ExemplarsDbContext(options);

public sealed class SqlServerExemplarsDbContext(DbContextOptions<SqlServerExemplarsDbContext> options) : ExemplarsDbContext(options);

public sealed class SqliteExemplarsDesignTimeFactory() : SqliteDesignTimeFactory<SqliteExemplarsDbContext>(ExemplarsDbContext.MigrationsHistoryTable);

public sealed class SqlServerExemplarsDesignTimeFactory() : SqlServerDesignTimeFactory<SqlServerExemplarsDbContext>(ExemplarsDbContext.MigrationsHistoryTable);

/// Pounds (decimal, to the penny) as whole pence on SQLite.
public sealed class PenceConverter() : ValueConverter<decimal, long>(pounds => (long)(pounds * 100m), pence => pence / 100m);
