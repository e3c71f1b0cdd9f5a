using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Academy.Exemplars.Data;

// Participations and funding: a trust's place in a programme, its instalments, drawdown claims and declared benefits.

/// A trust's place in a programme: its allocation, partner, roadmap and maturity target.
public sealed class Participation : IAudited
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public Programme Programme { get; set; } = default!;
    public int TrustId { get; set; }
    public Trust Trust { get; set; } = default!;
    public decimal Allocation { get; set; }
    /// The international partner organisation (required for a global digital exemplar).
    public string? PartnerOrganisation { get; set; }
    public string RoadmapMarkdown { get; set; } = "";
    /// For example "HIMSS EMRAM stage 7".
    public string MaturityTarget { get; set; } = "";
    /// Local funding the trust commits beside the national allocation.
    public decimal LocalMatchedFunding { get; set; }
    /// The sum of approved claims, kept here so that approving a claim is one conditional update of
    /// this row (see <see cref="Version"/>): two reviewers approving at once cannot pass the allocation.
    public decimal ApprovedClaimsTotal { get; set; }
    /// Optimistic concurrency token, bumped by every change to funding.
    public int Version { get; set; }
    /// For a fast follower: the global exemplar it learns from.
    public int? PairedWithId { get; set; }
    public Participation? PairedWith { get; set; }
    public List<Participation> Followers { get; set; } = [];
    public List<Milestone> Milestones { get; set; } = [];
    int? IAudited.AuditParticipationId => Id;
}

public enum ClaimStatus { Submitted, Approved, Rejected }

/// Part of an allocation paid out: upfront (no milestone) or released when its milestone is achieved.
public sealed class Instalment : IAudited
{
    public int Id { get; set; }
    public int ParticipationId { get; set; }
    public Participation Participation { get; set; } = default!;
    public int? MilestoneId { get; set; }
    public Milestone? Milestone { get; set; }
    public string Description { get; set; } = "";
    public decimal Amount { get; set; }
    int? IAudited.AuditParticipationId => ParticipationId;
}

/// A drawdown against an achieved milestone: claimed by the trust lead, decided by a reviewer.
public sealed class Claim : IAudited
{
    public int Id { get; set; }
    public int ParticipationId { get; set; }
    public Participation Participation { get; set; } = default!;
    public int MilestoneId { get; set; }
    public Milestone Milestone { get; set; } = default!;
    public decimal Amount { get; set; }
    public ClaimStatus Status { get; set; }
    public string ClaimedBy { get; set; } = "";
    public DateTimeOffset ClaimedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string DecisionComment { get; set; } = "";
    int? IAudited.AuditParticipationId => ParticipationId;
}

/// A benefit the trust declared it would deliver, measured in its returns.
public sealed class Benefit : IAudited
{
    public int Id { get; set; }
    public int ParticipationId { get; set; }
    public Participation Participation { get; set; } = default!;
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    int? IAudited.AuditParticipationId => ParticipationId;
}

internal sealed class ParticipationConfiguration : IEntityTypeConfiguration<Participation>
{
    public void Configure(EntityTypeBuilder<Participation> participation)
    {
        participation.ToTable("ExemplarParticipations");
        participation.HasIndex(p => new { p.ProgrammeId, p.TrustId }).IsUnique();
        participation.Property(p => p.PartnerOrganisation).HasMaxLength(200);
        participation.Property(p => p.MaturityTarget).HasMaxLength(200);
        participation.HasOne(p => p.Programme).WithMany(p => p.Participations).OnDelete(DeleteBehavior.Restrict);
        participation.HasOne(p => p.Trust).WithMany(t => t.Participations).OnDelete(DeleteBehavior.Restrict);
        participation.HasOne(p => p.PairedWith).WithMany(p => p.Followers).HasForeignKey(p => p.PairedWithId).OnDelete(DeleteBehavior.Restrict);
        participation.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class InstalmentConfiguration : IEntityTypeConfiguration<Instalment>
{
    public void Configure(EntityTypeBuilder<Instalment> i)
    {
        i.ToTable("ExemplarInstalments");
        i.Property(x => x.Description).HasMaxLength(200);
        i.HasOne(x => x.Participation).WithMany().OnDelete(DeleteBehavior.Restrict);
        i.HasOne(x => x.Milestone).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> c)
    {
        c.ToTable("ExemplarClaims");
        c.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        c.Property(x => x.ClaimedBy).HasMaxLength(256);
        c.Property(x => x.DecidedBy).HasMaxLength(256);
        c.HasOne(x => x.Participation).WithMany().OnDelete(DeleteBehavior.Restrict);
        c.HasOne(x => x.Milestone).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BenefitConfiguration : IEntityTypeConfiguration<Benefit>
{
    public void Configure(EntityTypeBuilder<Benefit> b)
    {
        b.ToTable("ExemplarBenefits");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Unit).HasMaxLength(50);
        b.HasOne(x => x.Participation).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}
