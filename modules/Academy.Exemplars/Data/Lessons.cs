using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Academy.Exemplars.Data;

// Lessons learned and the blueprints that collect them.

public enum LessonStatus { Draft, Published }

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

internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> l)
    {
        l.ToTable("ExemplarLessons");
        l.Property(x => x.Title).HasMaxLength(200);
        l.Property(x => x.Tags).HasMaxLength(500);
        l.Property(x => x.Author).HasMaxLength(256);
        l.Property(x => x.CapabilityArea).HasConversion<string>().HasMaxLength(40);
        l.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        l.HasOne(x => x.Participation).WithMany().OnDelete(DeleteBehavior.Restrict);
        l.HasOne(x => x.Milestone).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BlueprintConfiguration : IEntityTypeConfiguration<Blueprint>
{
    public void Configure(EntityTypeBuilder<Blueprint> b)
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
    }
}

internal sealed class BlueprintLessonConfiguration : IEntityTypeConfiguration<BlueprintLesson>
{
    public void Configure(EntityTypeBuilder<BlueprintLesson> b)
    {
        b.ToTable("ExemplarBlueprintLessons");
        b.HasKey(x => new { x.BlueprintId, x.LessonId });
        b.HasOne(x => x.Blueprint).WithMany(x => x.Lessons).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Lesson).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}
