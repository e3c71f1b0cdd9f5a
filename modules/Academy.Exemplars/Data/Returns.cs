using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Academy.Exemplars.Data;

// Returns: a participation's periodic return and its items (milestone updates, risks and issues, benefit measurements).

public enum Rag { Green, Amber, Red }

public enum ReturnStatus { Draft, Submitted, Returned, Approved }

public enum RiskKind { Risk, Issue }

/// A participation's return for one reporting period.
public sealed class ProgressReturn : IAudited
{
    public int Id { get; set; }
    public int ParticipationId { get; set; }
    public Participation Participation { get; set; } = default!;
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public DateOnly DueDate { get; set; }
    public ReturnStatus Status { get; set; }
    public string NarrativeMarkdown { get; set; } = "";
    public Rag? TimeRag { get; set; }
    public string TimeComment { get; set; } = "";
    public Rag? BudgetRag { get; set; }
    public string BudgetComment { get; set; } = "";
    public Rag? ScopeQualityRag { get; set; }
    public string ScopeQualityComment { get; set; } = "";
    public Rag? RiskRag { get; set; }
    public string RiskComment { get; set; } = "";
    public Rag? BenefitsRag { get; set; }
    public string BenefitsComment { get; set; } = "";
    public Rag? DeliveryConfidence { get; set; }
    /// National funding spent in the period.
    public decimal NationalSpend { get; set; }
    /// Local matched funding spent in the period.
    public decimal LocalSpend { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string ReviewerComment { get; set; } = "";
    public List<MilestoneUpdate> MilestoneUpdates { get; set; } = [];
    public List<RiskIssue> Risks { get; set; } = [];
    public List<BenefitMeasurement> Measurements { get; set; } = [];
    int? IAudited.AuditParticipationId => ParticipationId;
    int? IAudited.AuditReturnId => Id;
}

/// A part of a return that is added, changed and removed with it.
public interface IReturnItem
{
    int Id { get; }
    int ReturnId { get; }
}

public sealed class MilestoneUpdate : IAudited, IReturnItem
{
    public int Id { get; set; }
    public int ReturnId { get; set; }
    public ProgressReturn Return { get; set; } = default!;
    public int ParticipationId { get; set; }
    public int MilestoneId { get; set; }
    public Milestone Milestone { get; set; } = default!;
    public DateOnly ForecastDate { get; set; }
    public MilestoneStatus Status { get; set; }
    public string Comment { get; set; } = "";
    int? IAudited.AuditParticipationId => ParticipationId;
    int? IAudited.AuditReturnId => ReturnId;
}

public sealed class RiskIssue : IAudited, IReturnItem
{
    public int Id { get; set; }
    public int ReturnId { get; set; }
    public ProgressReturn Return { get; set; } = default!;
    public int ParticipationId { get; set; }
    public RiskKind Kind { get; set; }
    public string Description { get; set; } = "";
    /// 1 (rare) to 5 (almost certain).
    public int Likelihood { get; set; }
    /// 1 (negligible) to 5 (catastrophic).
    public int Impact { get; set; }
    public string Owner { get; set; } = "";
    public string Mitigation { get; set; } = "";
    int? IAudited.AuditParticipationId => ParticipationId;
    int? IAudited.AuditReturnId => ReturnId;
}

public sealed class BenefitMeasurement : IAudited, IReturnItem
{
    public int Id { get; set; }
    public int ReturnId { get; set; }
    public ProgressReturn Return { get; set; } = default!;
    public int ParticipationId { get; set; }
    public int BenefitId { get; set; }
    public Benefit Benefit { get; set; } = default!;
    public decimal Value { get; set; }
    public DateOnly MeasuredOn { get; set; }
    int? IAudited.AuditParticipationId => ParticipationId;
    int? IAudited.AuditReturnId => ReturnId;
}

internal sealed class ProgressReturnConfiguration : IEntityTypeConfiguration<ProgressReturn>
{
    public void Configure(EntityTypeBuilder<ProgressReturn> r)
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
    }
}

internal sealed class MilestoneUpdateConfiguration : IEntityTypeConfiguration<MilestoneUpdate>
{
    public void Configure(EntityTypeBuilder<MilestoneUpdate> u)
    {
        u.ToTable("ExemplarMilestoneUpdates");
        u.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        u.HasOne(x => x.Return).WithMany(r => r.MilestoneUpdates).HasForeignKey(x => x.ReturnId).OnDelete(DeleteBehavior.Cascade);
        u.HasOne(x => x.Milestone).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RiskIssueConfiguration : IEntityTypeConfiguration<RiskIssue>
{
    public void Configure(EntityTypeBuilder<RiskIssue> r)
    {
        r.ToTable("ExemplarRisks");
        r.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        r.Property(x => x.Owner).HasMaxLength(200);
        r.HasOne(x => x.Return).WithMany(x => x.Risks).HasForeignKey(x => x.ReturnId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BenefitMeasurementConfiguration : IEntityTypeConfiguration<BenefitMeasurement>
{
    public void Configure(EntityTypeBuilder<BenefitMeasurement> m)
    {
        m.ToTable("ExemplarBenefitMeasurements");
        m.HasOne(x => x.Return).WithMany(x => x.Measurements).HasForeignKey(x => x.ReturnId).OnDelete(DeleteBehavior.Cascade);
        m.HasOne(x => x.Benefit).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}
