using Academy.Learning.Enrolments;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Cohorts;

/// Cohorts' tables (LearningCohort*) and the enrolment grants, on LearningDbContext (migration Cohorts).
public static class CohortsModel
{
    /// Identity's user ids are GUID strings; bounded so composite keys with them fit SQL Server's 900-byte key limit.
    public const int UserIdMaxLength = 128;

    public const int NameMaxLength = 120;
    public const int EmailMaxLength = 256;

    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Cohort>(c =>
        {
            c.ToTable("LearningCohorts");
            c.Property(x => x.TrustOdsCode).HasMaxLength(20);
            c.Property(x => x.Name).HasMaxLength(NameMaxLength);
            c.HasIndex(x => new { x.TrustOdsCode, x.Name }).IsUnique();
        });
        builder.Entity<CohortCourse>(c =>
        {
            c.ToTable("LearningCohortCourses");
            c.HasKey(x => new { x.CohortId, x.CourseId });
            c.HasOne<Cohort>().WithMany(x => x.Courses).HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
            c.HasOne(x => x.Course).WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<CohortMember>(m =>
        {
            m.ToTable("LearningCohortMembers");
            m.HasKey(x => new { x.CohortId, x.UserId });
            m.Property(x => x.UserId).HasMaxLength(UserIdMaxLength);
            m.Property(x => x.Email).HasMaxLength(EmailMaxLength);
            m.HasIndex(x => x.UserId);
            m.HasOne<Cohort>().WithMany(x => x.Members).HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CohortLead>(l =>
        {
            l.ToTable("LearningCohortLeads");
            l.HasKey(x => new { x.CohortId, x.UserId });
            l.Property(x => x.UserId).HasMaxLength(UserIdMaxLength);
            l.HasOne<Cohort>().WithMany(x => x.Leads).HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CohortDigest>(d =>
        {
            d.ToTable("LearningCohortDigests");
            d.HasKey(x => new { x.UserId, x.WeekOf });
            d.Property(x => x.UserId).HasMaxLength(UserIdMaxLength);
        });
        builder.Entity<EnrolmentGrant>(g =>
        {
            g.ToTable("LearningEnrolmentGrants");
            g.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
            g.HasIndex(x => new { x.EnrolmentId, x.Source, x.CohortId });
            g.HasIndex(x => x.CohortId);
            g.HasOne(x => x.Enrolment).WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
