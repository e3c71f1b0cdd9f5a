namespace Academy.Exemplars.Data;

public enum ProgrammeKind
{
    /// 12 trusts, up to £10m each, each partnered with an international organisation.
    GlobalDigitalExemplar,
    /// Up to 20 trusts, up to £5m each, supported by the NHS Digital Academy; each learns from a global exemplar.
    NationalExemplar,
}

public sealed class Programme : IAudited
{
    public int Id { get; set; }
    /// The recipe's and the URL's name for the programme, e.g. "global-digital-exemplars".
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public ProgrammeKind Kind { get; set; }
    public string Description { get; set; } = "";
    /// The most national funding any one trust may be allocated, in pounds (exact to the penny).
    public decimal CapPerTrust { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public int ReportingPeriodMonths { get; set; } = 3;
    public bool PartnerRequired { get; set; }

    public List<Participation> Participations { get; set; } = [];
    int? IAudited.AuditParticipationId => null;
}

public sealed class Trust : IAudited
{
    public int Id { get; set; }
    /// The Organisation Data Service code, e.g. RTH for Oxford University Hospitals.
    public string OdsCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string Region { get; set; } = "";

    public List<Participation> Participations { get; set; } = [];
    int? IAudited.AuditParticipationId => null;
}

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
