namespace Academy.Exemplars.Data;

/// The seven capability areas a milestone, lesson or blueprint belongs to (a fixed, documented list).
public enum CapabilityArea
{
    Epr,
    MedicinesAndEPrescribing,
    Interoperability,
    PatientAccess,
    AnalyticsAndDecisionSupport,
    InfrastructureAndMobile,
    WorkforceDigitalSkills,
}

public enum MilestoneStatus { NotStarted, OnTrack, AtRisk, Late, Achieved }

public enum Rag { Green, Amber, Red }

public enum ReturnStatus { Draft, Submitted, Returned, Approved }

public enum ClaimStatus { Submitted, Approved, Rejected }

public enum RiskKind { Risk, Issue }

public enum LessonStatus { Draft, Published }

/// An exemplar record whose every change is kept in the audit trail, with the participation
/// (and the return, when it belongs to one) it is read through.
public interface IAudited
{
    int? AuditParticipationId { get; }
    int? AuditReturnId => null;
}

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

public sealed class Lesson : IAudited
{
    public int Id { get; set; }
    public int ParticipationId { get; set; }
    public Participation Participation { get; set; } = default!;
    public int? MilestoneId { get; set; }
    public Milestone? Milestone { get; set; }
    public string Title { get; set; } = "";
    public string Context { get; set; } = "";
    public string WhatHappened { get; set; } = "";
    public string WhatToRepeat { get; set; } = "";
    public string WhatToDoDifferently { get; set; } = "";
    public CapabilityArea CapabilityArea { get; set; }
    /// Comma-separated, lower case.
    public string Tags { get; set; } = "";
    public LessonStatus Status { get; set; }
    public string Author { get; set; } = "";
    public DateTimeOffset? PublishedAt { get; set; }
    int? IAudited.AuditParticipationId => ParticipationId;
}

/// A published, ordered collection of lessons for one capability area that another trust can follow, indexed
/// as the national blueprints were: by user, care setting and project type. Written by one exemplar trust's lead.
public sealed class Blueprint : IAudited
{
    public int Id { get; set; }
    /// The exemplar (trust and programme) that wrote the blueprint: its lead drafts and publishes it.
    public int ParticipationId { get; set; }
    public Participation Participation { get; set; } = default!;
    public string Title { get; set; } = "";
    public CapabilityArea CapabilityArea { get; set; }
    /// Who the blueprint is for, e.g. "Chief nursing information officer".
    public string UserType { get; set; } = "";
    /// e.g. "Acute", "Mental health", "Community".
    public string CareSetting { get; set; } = "";
    /// e.g. "EPR replacement".
    public string ProjectType { get; set; } = "";
    /// Published: every signed-in person can read it, and nobody can change it.
    public bool Published { get; set; }
    public string Author { get; set; } = "";
    public DateTimeOffset? PublishedAt { get; set; }
    public List<BlueprintLesson> Lessons { get; set; } = [];
    int? IAudited.AuditParticipationId => ParticipationId;
}

/// A lesson's place in a blueprint. Changed only through its blueprint (loaded with it), so the audit
/// trail takes the blueprint's participation from the navigation.
public sealed class BlueprintLesson : IAudited
{
    public int BlueprintId { get; set; }
    public Blueprint Blueprint { get; set; } = default!;
    public int LessonId { get; set; }
    public Lesson Lesson { get; set; } = default!;
    /// 1, 2, 3… in the order the blueprint follows them.
    public int Order { get; set; }
    int? IAudited.AuditParticipationId => Blueprint?.ParticipationId;
}
