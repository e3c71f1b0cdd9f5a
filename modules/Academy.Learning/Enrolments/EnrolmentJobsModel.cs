using Academy.Learning.Enrolments.Uploads;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Enrolments;

/// The tables of enrolment uploads and learner reminders (issue 11 §2 and §4).
public static class EnrolmentJobsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<EnrolmentUpload>(u =>
        {
            u.ToTable("LearningEnrolmentUploads");
            u.Property(x => x.UploadedBy).HasMaxLength(450);
            u.Property(x => x.TrustOdsCode).HasMaxLength(20);
            u.Property(x => x.FileName).HasMaxLength(200);
            u.Property(x => x.ContentHash).HasMaxLength(64);
            u.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            // The same file from the same person is one upload, even when two posts race.
            u.HasIndex(x => new { x.UploadedBy, x.ContentHash }).IsUnique();
        });
        builder.Entity<EnrolmentUploadRow>(r =>
        {
            r.ToTable("LearningEnrolmentUploadRows");
            r.HasKey(x => new { x.UploadId, x.Line });
            r.Property(x => x.UserId).HasMaxLength(450);
            r.Property(x => x.Email).HasMaxLength(EnrolmentFile.MaxCellChars);
            r.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            r.HasOne<EnrolmentUpload>().WithMany(x => x.Rows).HasForeignKey(x => x.UploadId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<LearnerReminder>(r =>
        {
            r.ToTable("LearningReminders");
            r.Property(x => x.UserId).HasMaxLength(450);
            // One reminder per learner per day, kept by the database even if two runs of the job overlap.
            r.HasIndex(x => new { x.UserId, x.SentOn }).IsUnique();
        });
    }
}
