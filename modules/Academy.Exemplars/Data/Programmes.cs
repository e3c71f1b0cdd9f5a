using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Academy.Exemplars.Data;

// Programmes: a programme and the trusts that take part in it (their participations are in Funding.cs).

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

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> programme)
    {
        programme.ToTable("ExemplarProgrammes");
        programme.HasIndex(p => p.Slug).IsUnique();
        programme.Property(p => p.Slug).HasMaxLength(100);
        programme.Property(p => p.Name).HasMaxLength(200);
        programme.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
    }
}

internal sealed class TrustConfiguration : IEntityTypeConfiguration<Trust>
{
    public void Configure(EntityTypeBuilder<Trust> trust)
    {
        trust.ToTable("ExemplarTrusts");
        trust.HasIndex(t => t.OdsCode).IsUnique();
        trust.Property(t => t.OdsCode).HasMaxLength(10);
        trust.Property(t => t.Name).HasMaxLength(200);
        trust.Property(t => t.Region).HasMaxLength(100);
    }
}
