using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Packages;

/// The packages' tables (migration Packages), kept here so LearningDbContext gains one line. A package goes with its
/// course (cascade); its blocks and AUs go with the package; an AU's lesson is never deleted under it (Restrict).
internal static class PackagesModel
{
    public const int IriMaxLength = 2000;

    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<CoursePackage>(p =>
        {
            p.ToTable("LearningPackages");
            p.Property(x => x.Format).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.PublisherId).HasMaxLength(IriMaxLength);
            p.Property(x => x.Folder).HasMaxLength(32);
            p.Property(x => x.FileName).HasMaxLength(200);
            p.Property(x => x.ImportedBy).HasMaxLength(450);
            p.HasIndex(x => x.CourseId).IsUnique();
            p.HasOne(x => x.Course).WithMany().OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PackageBlock>(b =>
        {
            b.ToTable("LearningPackageBlocks");
            b.Property(x => x.PublisherId).HasMaxLength(IriMaxLength);
            b.Property(x => x.Title).HasMaxLength(200);
            b.HasOne(x => x.Package).WithMany(x => x.Blocks).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentBlockId).OnDelete(DeleteBehavior.NoAction);
            b.HasIndex(x => new { x.PackageId, x.Position });
        });
        builder.Entity<PackageAu>(a =>
        {
            a.ToTable("LearningPackageAus");
            a.Property(x => x.PublisherId).HasMaxLength(IriMaxLength);
            a.Property(x => x.Url).HasMaxLength(IriMaxLength);
            a.Property(x => x.MoveOn).HasConversion<string>().HasMaxLength(30);
            a.Property(x => x.LaunchMethod).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.MasteryScore).HasPrecision(9, 6);
            a.Property(x => x.ActivityType).HasMaxLength(IriMaxLength);
            a.Property(x => x.TrackedActivityId).HasMaxLength(IriMaxLength);
            a.HasOne(x => x.Package).WithMany(x => x.Aus).OnDelete(DeleteBehavior.Cascade);
            a.HasOne(x => x.Lesson).WithOne(l => l.Unit).HasForeignKey<PackageAu>(x => x.LessonId).OnDelete(DeleteBehavior.Restrict);
            a.HasOne(x => x.Block).WithMany().HasForeignKey(x => x.BlockId).OnDelete(DeleteBehavior.NoAction);
            a.HasIndex(x => x.LessonId).IsUnique();
        });
        builder.Entity<Cmi5Session>(s =>
        {
            s.ToTable("LearningCmi5Sessions");
            s.Property(x => x.FetchTokenHash).HasMaxLength(64);
            s.Property(x => x.CredentialKey).HasMaxLength(100);
            s.Property(x => x.ProtectedAuthorization).HasMaxLength(2000);
            s.Property(x => x.LaunchMode).HasConversion<string>().HasMaxLength(20);
            s.HasIndex(x => x.FetchTokenHash).IsUnique();
            s.HasIndex(x => x.SessionId).IsUnique();
            s.HasIndex(x => new { x.EnrolmentId, x.EndedAt });
            s.HasOne(x => x.Enrolment).WithMany().OnDelete(DeleteBehavior.Cascade);
            s.HasOne(x => x.Au).WithMany().OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<PackageSatisfaction>(s =>
        {
            s.ToTable("LearningPackageSatisfactions");
            // Academy's own block and course ids (short); bounded so the unique index fits SQL Server's 1,700 bytes.
            s.Property(x => x.ActivityId).HasMaxLength(800);
            // Satisfied is recorded once per block (or course) per registration, even when two nodes evaluate at once.
            s.HasIndex(x => new { x.EnrolmentId, x.ActivityId }).IsUnique();
            s.HasOne(x => x.Enrolment).WithMany().OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PackageImportRun>(r =>
        {
            r.ToTable("LearningPackageImportRuns");
            r.Property(x => x.ImportedBy).HasMaxLength(450);
            r.Property(x => x.FileName).HasMaxLength(200);
            r.Property(x => x.UploadFile).HasMaxLength(40);
            r.Property(x => x.Domain).HasConversion<string>().HasMaxLength(60);
            r.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.Refusal).HasMaxLength(8000);
            r.HasIndex(x => x.ImportedBy);
        });
        builder.Entity<LearnerPreference>(p =>
        {
            p.ToTable("LearningLearnerPreferences");
            p.HasKey(x => x.UserId);
            p.Property(x => x.UserId).HasMaxLength(450);
            // Ten tags of up to 3 + 7 × 9 characters, and their commas.
            p.Property(x => x.LanguagePreference).HasMaxLength(700);
            p.Property(x => x.AudioPreference).HasMaxLength(3);
        });
        builder.Entity<PackageWaiver>(w =>
        {
            w.ToTable("LearningPackageWaivers");
            w.Property(x => x.Reason).HasMaxLength(40);
            w.Property(x => x.WaivedBy).HasMaxLength(450);
            // cmi5 9.3.7: one waived statement per unit per registration.
            w.HasIndex(x => new { x.EnrolmentId, x.AuId }).IsUnique();
            w.HasOne(x => x.Enrolment).WithMany().OnDelete(DeleteBehavior.Cascade);
            w.HasOne(x => x.Au).WithMany().OnDelete(DeleteBehavior.Restrict);
        });
    }
}
