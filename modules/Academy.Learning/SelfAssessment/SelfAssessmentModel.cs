using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.SelfAssessment;

/// LearningSelfAssessmentAttempts and LearningSelfAssessmentRatings (migration SelfAssessment).
internal static class SelfAssessmentModel
{
    public static void ConfigureSelfAssessment(this ModelBuilder builder)
    {
        builder.Entity<SelfAssessmentAttempt>(a =>
        {
            a.ToTable("LearningSelfAssessmentAttempts");
            a.Property(x => x.UserId).HasMaxLength(450);
            a.Property(x => x.TrustOdsCode).HasMaxLength(SelfAssessmentRules.OdsCodeMaxLength);
            a.HasIndex(x => x.Registration).IsUnique();
            // One draft per person, kept by the database when two first answers race. The filter's double-quoted
            // identifier is standard SQL that both SQLite and SQL Server read.
            a.HasIndex(x => x.UserId).IsUnique().HasFilter("\"SubmittedAt\" IS NULL").HasDatabaseName("IX_LearningSelfAssessmentAttempts_Draft");
            a.HasIndex(x => new { x.UserId, x.SubmittedAt });
            // The trust summary: each trust's latest attempts.
            a.HasIndex(x => new { x.TrustOdsCode, x.UserId });
        });
        builder.Entity<SelfAssessmentRating>(r =>
        {
            r.ToTable("LearningSelfAssessmentRatings");
            r.Property(x => x.StatementKey).HasMaxLength(80);
            r.Property(x => x.Domain).HasConversion<string>().HasMaxLength(60);
            r.HasIndex(x => new { x.AttemptId, x.StatementKey }).IsUnique();
            r.HasOne(x => x.Attempt).WithMany(x => x.Ratings).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
