using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Certificates;

internal static class CertificatesModel
{
    /// LearningCertificates. A certificate stays when its enrolment ends (Restrict): it is the record of what was earned.
    public static void ConfigureCertificates(this ModelBuilder builder) => builder.Entity<Certificate>(c =>
    {
        c.ToTable("LearningCertificates");
        c.Property(x => x.Code).HasMaxLength(CertificateCode.Length).IsFixedLength().IsUnicode(false);
        c.HasIndex(x => x.Code).IsUnique();
        c.Property(x => x.LearnerName).HasMaxLength(200);
        c.Property(x => x.CourseTitle).HasMaxLength(Courses.CourseRules.TitleMaxLength);
        // One certificate per completion statement, ever; one live certificate per enrolment. The filter's
        // double-quoted identifier is standard SQL that both SQLite and SQL Server read.
        c.HasIndex(x => x.CompletionStatementId).IsUnique();
        c.HasIndex(x => x.EnrolmentId).IsUnique().HasFilter("\"WithdrawnAt\" IS NULL");
        c.HasOne(x => x.Enrolment).WithMany().OnDelete(DeleteBehavior.Restrict);
    });
}
