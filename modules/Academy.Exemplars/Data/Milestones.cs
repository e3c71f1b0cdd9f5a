using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Academy.Exemplars.Data;

// Milestones and their evidence.

public enum MilestoneStatus { NotStarted, OnTrack, AtRisk, Late, Achieved }

public sealed class Milestone : IAudited
{
    public int Id { get; set; }
    public int ParticipationId { get; set; }
    public Participation Participation { get; set; } = default!;
    public CapabilityArea CapabilityArea { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public DateOnly BaselineDate { get; set; }
    public DateOnly ForecastDate { get; set; }
    public DateOnly? ActualDate { get; set; }
    public MilestoneStatus Status { get; set; }
    public List<EvidenceFile> Evidence { get; set; } = [];
    int? IAudited.AuditParticipationId => ParticipationId;
}

/// A file that proves a milestone; the bytes live under the data folder (evidence/{milestone}/{StoredName}).
public sealed class EvidenceFile : IAudited
{
    public int Id { get; set; }
    public int MilestoneId { get; set; }
    public Milestone Milestone { get; set; } = default!;
    /// Denormalised from the milestone so that scoping and audit need no join.
    public int ParticipationId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public string StoredName { get; set; } = "";
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
    int? IAudited.AuditParticipationId => ParticipationId;
}

/// Children of a participation are never deleted with it (Restrict): a participation is not deleted,
/// and SQL Server refuses several cascade paths to one table. Parts of a return or of a milestone go with it.
internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> m)
    {
        m.ToTable("ExemplarMilestones");
        m.Property(x => x.Title).HasMaxLength(200);
        m.Property(x => x.CapabilityArea).HasConversion<string>().HasMaxLength(40);
        m.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        m.HasOne(x => x.Participation).WithMany(p => p.Milestones).OnDelete(DeleteBehavior.Restrict);
        m.HasIndex(x => new { x.ParticipationId, x.BaselineDate });
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> e)
    {
        e.ToTable("ExemplarEvidenceFiles");
        e.Property(x => x.FileName).HasMaxLength(255);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.StoredName).HasMaxLength(100);
        e.Property(x => x.UploadedBy).HasMaxLength(256);
        e.HasOne(x => x.Milestone).WithMany(m => m.Evidence).OnDelete(DeleteBehavior.Cascade);
    }
}
