using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Academy.Exemplars.Data;

// The audit trail: every change of an audited record, one field per entry (written by Academy.Data.AuditTrailInterceptor).

/// An exemplar record whose every change is kept in the audit trail, with the participation
/// (and the return, when it belongs to one) it is read through.
public interface IAudited
{
    int? AuditParticipationId { get; }
    int? AuditReturnId => null;
}

/// One changed field of one exemplar record: append-only (ExemplarsDbContext refuses to change or delete these).
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Entity { get; set; } = "";
    public string RecordId { get; set; } = "";
    /// Added, Modified or Deleted.
    public string Action { get; set; } = "";
    public string Field { get; set; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public int? ParticipationId { get; set; }
    public int? ReturnId { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> a)
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
    }
}
