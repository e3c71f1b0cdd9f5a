using System.Globalization;
using Academy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Academy.Exemplars.Data;

public class ExemplarsDbContext(DbContextOptions options) : DbContext(options)
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

    /// Who the audit trail names for changes saved through this context (set per request by the module).
    public Func<string>? Actor { get; set; }
    public TimeProvider Clock { get; set; } = TimeProvider.System;

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
            participation.HasOne(p => p.PairedWith).WithMany(p => p.Followers).HasForeignKey(p => p.PairedWithId).OnDelete(DeleteBehavior.Restrict);
            participation.Property(p => p.Version).IsConcurrencyToken();
        });
        // Children of a participation are never deleted with it (Restrict): a participation is not deleted,
        // and SQL Server refuses several cascade paths to one table. Parts of a return or of a milestone go with it.
        builder.Entity<Milestone>(m =>
        {
            m.ToTable("ExemplarMilestones");
            m.Property(x => x.Title).HasMaxLength(200);
            m.Property(x => x.CapabilityArea).HasConversion<string>().HasMaxLength(40);
            m.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            m.HasOne(x => x.Participation).WithMany(p => p.Milestones).OnDelete(DeleteBehavior.Restrict);
            m.HasIndex(x => new { x.ParticipationId, x.BaselineDate });
        });
        builder.Entity<EvidenceFile>(e =>
        {
            e.ToTable("ExemplarEvidenceFiles");
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.StoredName).HasMaxLength(100);
            e.Property(x => x.UploadedBy).HasMaxLength(256);
            e.HasOne(x => x.Milestone).WithMany(m => m.Evidence).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Instalment>(i =>
        {
            i.ToTable("ExemplarInstalments");
            i.Property(x => x.Description).HasMaxLength(200);
            i.HasOne(x => x.Participation).WithMany().OnDelete(DeleteBehavior.Restrict);
            i.HasOne(x => x.Milestone).WithMany().OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Claim>(c =>
        {
            c.ToTable("ExemplarClaims");
            c.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.ClaimedBy).HasMaxLength(256);
            c.Property(x => x.DecidedBy).HasMaxLength(256);
            c.HasOne(x => x.Participation).WithMany().OnDelete(DeleteBehavior.Restrict);
            c.HasOne(x => x.Milestone).WithMany().OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Benefit>(b =>
        {
            b.ToTable("ExemplarBenefits");
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.Unit).HasMaxLength(50);
            b.HasOne(x => x.Participation).WithMany().OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ProgressReturn>(r =>
        {
            r.ToTable("ExemplarReturns");
            r.HasIndex(x => new { x.ParticipationId, x.PeriodStart }).IsUnique();
            r.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            foreach (var rag in new[] { nameof(ProgressReturn.TimeRag), nameof(ProgressReturn.BudgetRag), nameof(ProgressReturn.ScopeQualityRag),
                nameof(ProgressReturn.RiskRag), nameof(ProgressReturn.BenefitsRag), nameof(ProgressReturn.DeliveryConfidence) })
                r.Property(rag).HasConversion<string>().HasMaxLength(10);
            r.Property(x => x.SubmittedBy).HasMaxLength(256);
            r.Property(x => x.DecidedBy).HasMaxLength(256);
            r.HasOne(x => x.Participation).WithMany().OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<MilestoneUpdate>(u =>
        {
            u.ToTable("ExemplarMilestoneUpdates");
            u.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            u.HasOne(x => x.Return).WithMany(r => r.MilestoneUpdates).HasForeignKey(x => x.ReturnId).OnDelete(DeleteBehavior.Cascade);
            u.HasOne(x => x.Milestone).WithMany().OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<RiskIssue>(r =>
        {
            r.ToTable("ExemplarRisks");
            r.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
            r.Property(x => x.Owner).HasMaxLength(200);
            r.HasOne(x => x.Return).WithMany(x => x.Risks).HasForeignKey(x => x.ReturnId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<BenefitMeasurement>(m =>
        {
            m.ToTable("ExemplarBenefitMeasurements");
            m.HasOne(x => x.Return).WithMany(x => x.Measurements).HasForeignKey(x => x.ReturnId).OnDelete(DeleteBehavior.Cascade);
            m.HasOne(x => x.Benefit).WithMany().OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<AuditEntry>(a =>
        {
            a.ToTable("ExemplarAuditTrail");
            a.Property(x => x.Actor).HasMaxLength(256);
            a.Property(x => x.Entity).HasMaxLength(100);
            a.Property(x => x.RecordId).HasMaxLength(50);
            a.Property(x => x.Action).HasMaxLength(10);
            a.Property(x => x.Field).HasMaxLength(100);
            a.HasIndex(x => new { x.ParticipationId, x.Id });
            a.HasIndex(x => new { x.ReturnId, x.Id });
            // The portfolio's milestone status over time reads every milestone's status changes.
            a.HasIndex(x => new { x.Entity, x.Field, x.ParticipationId });
        });
        builder.Entity<Lesson>(l =>
        {
            l.ToTable("ExemplarLessons");
            l.Property(x => x.Title).HasMaxLength(200);
            l.Property(x => x.Tags).HasMaxLength(500);
            l.Property(x => x.Author).HasMaxLength(256);
            l.Property(x => x.CapabilityArea).HasConversion<string>().HasMaxLength(40);
            l.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            l.HasOne(x => x.Participation).WithMany().OnDelete(DeleteBehavior.Restrict);
            l.HasOne(x => x.Milestone).WithMany().OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Blueprint>(b =>
        {
            b.ToTable("ExemplarBlueprints");
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.UserType).HasMaxLength(100);
            b.Property(x => x.CareSetting).HasMaxLength(100);
            b.Property(x => x.ProjectType).HasMaxLength(100);
            b.Property(x => x.CapabilityArea).HasConversion<string>().HasMaxLength(40);
            b.Property(x => x.Author).HasMaxLength(256);
            b.HasOne(x => x.Participation).WithMany().OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(x => new { x.Published, x.CapabilityArea });
        });
        builder.Entity<BlueprintLesson>(b =>
        {
            b.ToTable("ExemplarBlueprintLessons");
            b.HasKey(x => new { x.BlueprintId, x.LessonId });
            b.HasOne(x => x.Blueprint).WithMany(x => x.Lessons).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(x => x.Lesson).WithMany().OnDelete(DeleteBehavior.Restrict);
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// Saves the changes and, in the same transaction, one audit entry per changed field of every
    /// exemplar record. Audit entries are written after the change so that new records' keys are known.
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The audit trail is append-only.");
        var changes = ChangeTracker.Entries().Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(Capture).ToList();
        if (changes.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        if (Database.CurrentTransaction is not null) return await SaveWithAuditAsync(changes, cancellationToken);
        var strategy = Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await Database.BeginTransactionAsync(ct);
            var saved = await SaveWithAuditAsync(changes, ct);
            await transaction.CommitAsync(ct);
            return saved;
        }, cancellationToken);
    }

    private async Task<int> SaveWithAuditAsync(List<PendingAudit> changes, CancellationToken cancellationToken)
    {
        var saved = await base.SaveChangesAsync(true, cancellationToken);
        var at = Clock.GetUtcNow();
        var actor = Actor?.Invoke() ?? "system";
        foreach (var change in changes)
        {
            var audited = (IAudited)change.Entry.Entity;
            var key = string.Join(",", change.Entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(change.Entry.Property(p.Name).CurrentValue)));
            foreach (var (field, oldValue, newValue) in change.Fields)
                AuditEntries.Add(new AuditEntry
                {
                    At = at, Actor = actor, Entity = change.Entry.Metadata.ClrType.Name, RecordId = key, Action = change.Action,
                    Field = field, OldValue = Truncate(oldValue), NewValue = Truncate(newValue),
                    ParticipationId = audited.AuditParticipationId is > 0 ? audited.AuditParticipationId : null,
                    ReturnId = audited.AuditReturnId is > 0 ? audited.AuditReturnId : null,
                });
        }
        await base.SaveChangesAsync(true, cancellationToken);
        return saved;
    }

    private sealed record PendingAudit(EntityEntry Entry, string Action, List<(string Field, string? Old, string? New)> Fields);

    private static PendingAudit Capture(EntityEntry entry)
    {
        var fields = new List<(string, string?, string?)>();
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsPrimaryKey() && entry.State == EntityState.Added) continue;
            switch (entry.State)
            {
                case EntityState.Added when property.CurrentValue is not null:
                    fields.Add((property.Metadata.Name, null, Format(property.CurrentValue)));
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    fields.Add((property.Metadata.Name, Format(property.OriginalValue), Format(property.CurrentValue)));
                    break;
                case EntityState.Deleted:
                    fields.Add((property.Metadata.Name, Format(property.OriginalValue), null));
                    break;
            }
        }
        return new PendingAudit(entry, entry.State.ToString(), fields);
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.00", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string? Truncate(string? value) => value is { Length: > 4000 } ? value[..4000] + "…" : value;
}

public sealed class SqliteExemplarsDbContext(DbContextOptions<SqliteExemplarsDbContext> options) : ExemplarsDbContext(options);

public sealed class SqlServerExemplarsDbContext(DbContextOptions<SqlServerExemplarsDbContext> options) : ExemplarsDbContext(options);

public sealed class SqliteExemplarsDesignTimeFactory() : SqliteDesignTimeFactory<SqliteExemplarsDbContext>(ExemplarsDbContext.MigrationsHistoryTable);

public sealed class SqlServerExemplarsDesignTimeFactory() : SqlServerDesignTimeFactory<SqlServerExemplarsDbContext>(ExemplarsDbContext.MigrationsHistoryTable);

/// Pounds (decimal, to the penny) as whole pence on SQLite.
public sealed class PenceConverter() : ValueConverter<decimal, long>(pounds => (long)(pounds * 100m), pence => pence / 100m);
