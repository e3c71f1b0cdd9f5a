using Academy.Learning.Courses;
using Academy.Learning.Enrolments;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Progress;

/// The projection's tables (LearningProgress*), added to LearningDbContext by the Progress migration.
public static class ProgressModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<EnrolmentProgress>(p =>
        {
            p.ToTable("LearningProgress");
            p.HasKey(x => x.EnrolmentId);
            p.Property(x => x.EnrolmentId).ValueGeneratedNever();
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            // Ticks: SQL Server's time type stops at 24 hours.
            p.Property(x => x.TimeSpent).HasConversion<long>();
            p.Ignore(x => x.IsComplete);
            p.HasOne<Enrolment>().WithOne().HasForeignKey<EnrolmentProgress>(x => x.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<LessonProgress>(l =>
        {
            l.ToTable("LearningLessonProgress");
            l.HasKey(x => new { x.EnrolmentId, x.LessonSlug });
            l.Property(x => x.LessonSlug).HasMaxLength(CourseRules.SlugMaxLength);
            l.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            l.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ProgressCursor>(c =>
        {
            c.ToTable("LearningProgressCursor");
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.Version).IsConcurrencyToken();
            c.HasData(new ProgressCursor { Id = ProgressCursor.SingleId, Position = 0, Version = 0 });
        });
        builder.Entity<ProgressStatement>(s =>
        {
            s.ToTable("LearningProgressStatements");
            s.HasKey(x => x.StatementId);
            s.HasIndex(x => x.EnrolmentId);
            s.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
