using Academy.Data;
using Academy.Learning.Certificates;
using Academy.Learning.Cohorts;
using Academy.Learning.Courses;
using Academy.Learning.Enrolments;
using Academy.Learning.Packages;
using Academy.Learning.Player;
using Academy.Learning.Progress;
using Academy.Learning.SelfAssessment;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Data;

/// The Digital Academy's tables (all named Learning*). Player, progress and certificates add theirs
/// through migrations of their own on this context.
public class LearningDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__LearningMigrations";

    public DbSet<Course> Courses => Set<Course>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Lesson> Lessons => Set<Lesson>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<Option> Options => Set<Option>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<QuizAttempt> QuizAttempts => Set<QuizAttempt>();
    public DbSet<Launch> Launches => Set<Launch>();
    public DbSet<EnrolmentProgress> EnrolmentProgress => Set<EnrolmentProgress>();
    public DbSet<LessonProgress> LessonProgress => Set<LessonProgress>();
    public DbSet<ProgressCursor> ProgressCursors => Set<ProgressCursor>();
    public DbSet<ProgressStatement> ProgressStatements => Set<ProgressStatement>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<EnrolmentGrant> EnrolmentGrants => Set<EnrolmentGrant>();
    public DbSet<Cohort> Cohorts => Set<Cohort>();
    public DbSet<CohortCourse> CohortCourses => Set<CohortCourse>();
    public DbSet<CohortMember> CohortMembers => Set<CohortMember>();
    public DbSet<CohortLead> CohortLeads => Set<CohortLead>();
    public DbSet<CohortDigest> CohortDigests => Set<CohortDigest>();
    public DbSet<Enrolments.Uploads.EnrolmentUpload> EnrolmentUploads => Set<Enrolments.Uploads.EnrolmentUpload>();
    public DbSet<Enrolments.Uploads.EnrolmentUploadRow> EnrolmentUploadRows => Set<Enrolments.Uploads.EnrolmentUploadRow>();
    public DbSet<LearnerReminder> LearnerReminders => Set<LearnerReminder>();
    public DbSet<SelfAssessmentAttempt> SelfAssessmentAttempts => Set<SelfAssessmentAttempt>();
    public DbSet<SelfAssessmentRating> SelfAssessmentRatings => Set<SelfAssessmentRating>();
    public DbSet<CoursePackage> CoursePackages => Set<CoursePackage>();
    public DbSet<PackageBlock> PackageBlocks => Set<PackageBlock>();
    public DbSet<PackageAu> PackageAus => Set<PackageAu>();
    public DbSet<Cmi5Session> Cmi5Sessions => Set<Cmi5Session>();
    public DbSet<PackageSatisfaction> PackageSatisfactions => Set<PackageSatisfaction>();
    public DbSet<PackageWaiver> PackageWaivers => Set<PackageWaiver>();
    public DbSet<LearnerPreference> LearnerPreferences => Set<LearnerPreference>();
    public DbSet<PackageImportRun> PackageImportRuns => Set<PackageImportRun>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseAcademyConventions(this);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // A course owns its sections, a section its lessons, a lesson its questions, a question its options:
        // one cascade path each, which SQL Server accepts. Enrolments never go with a course (Restrict).
        builder.Entity<Course>(c =>
        {
            c.ToTable("LearningCourses");
            c.HasIndex(x => x.Slug).IsUnique();
            c.Property(x => x.Slug).HasMaxLength(CourseRules.SlugMaxLength);
            c.Property(x => x.Title).HasMaxLength(CourseRules.TitleMaxLength);
            c.Property(x => x.Summary).HasMaxLength(CourseRules.SummaryMaxLength);
            c.Property(x => x.CompletionRule).HasMaxLength(CourseRules.SummaryMaxLength);
            c.Property(x => x.Domain).HasConversion<string>().HasMaxLength(60);
            c.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            // The catalogue's catch-up reads courses changed since it last looked.
            c.HasIndex(x => x.UpdatedAt);
        });
        builder.Entity<Section>(s =>
        {
            s.ToTable("LearningSections");
            s.Property(x => x.Title).HasMaxLength(CourseRules.TitleMaxLength);
            s.HasOne(x => x.Course).WithMany(x => x.Sections).OnDelete(DeleteBehavior.Cascade);
            s.HasIndex(x => new { x.CourseId, x.Position });
        });
        builder.Entity<Lesson>(l =>
        {
            l.ToTable("LearningLessons");
            l.Property(x => x.Slug).HasMaxLength(CourseRules.SlugMaxLength);
            l.Property(x => x.Title).HasMaxLength(CourseRules.TitleMaxLength);
            l.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            l.Property(x => x.VideoFile).HasMaxLength(100);
            l.Property(x => x.VideoContentType).HasMaxLength(50);
            l.Property(x => x.CaptionsFile).HasMaxLength(100);
            l.HasOne(x => x.Section).WithMany(x => x.Lessons).OnDelete(DeleteBehavior.Cascade);
            l.HasIndex(x => new { x.SectionId, x.Position });
        });
        builder.Entity<Question>(q =>
        {
            q.ToTable("LearningQuestions");
            q.Property(x => x.Text).HasMaxLength(CourseRules.TextMaxLength);
            q.HasOne(x => x.Lesson).WithMany(x => x.Questions).OnDelete(DeleteBehavior.Cascade);
            q.HasIndex(x => new { x.LessonId, x.Position });
        });
        builder.Entity<Option>(o =>
        {
            o.ToTable("LearningOptions");
            o.Property(x => x.Text).HasMaxLength(CourseRules.TextMaxLength);
            o.Property(x => x.Feedback).HasMaxLength(CourseRules.TextMaxLength);
            o.HasOne(x => x.Question).WithMany(x => x.Options).OnDelete(DeleteBehavior.Cascade);
            o.HasIndex(x => new { x.QuestionId, x.Position });
        });
        builder.Entity<Enrolment>(e =>
        {
            e.ToTable("LearningEnrolments");
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => x.Registration).IsUnique();
            // One live enrolment per person and course, kept by the database even when two requests race.
            // Double-quoted identifiers are standard SQL: both SQLite and SQL Server read this filter.
            e.HasIndex(x => new { x.CourseId, x.UserId }).IsUnique().HasFilter("\"EndedAt\" IS NULL");
            e.HasIndex(x => new { x.UserId, x.EndedAt });
            e.HasOne(x => x.Course).WithMany().OnDelete(DeleteBehavior.Restrict);
        });
        PlayerModel.Configure(builder);
        ProgressModel.Configure(builder);
        builder.ConfigureCertificates();
        CohortsModel.Configure(builder);
        EnrolmentJobsModel.Configure(builder);
        builder.ConfigureSelfAssessment();
        PackagesModel.Configure(builder);
    }
}

public sealed class SqliteLearningDbContext(DbContextOptions<SqliteLearningDbContext> options) : LearningDbContext(options);

public sealed class SqlServerLearningDbContext(DbContextOptions<SqlServerLearningDbContext> options) : LearningDbContext(options);

public sealed class SqliteLearningDesignTimeFactory() : SqliteDesignTimeFactory<SqliteLearningDbContext>(LearningDbContext.MigrationsHistoryTable);

public sealed class SqlServerLearningDesignTimeFactory() : SqlServerDesignTimeFactory<SqlServerLearningDbContext>(LearningDbContext.MigrationsHistoryTable);
