using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Player;

/// The player's tables (migration PlayerAttemptsAndLaunches), kept here so LearningDbContext gains one line.
internal static class PlayerModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<QuizAttempt>(a =>
        {
            a.ToTable("LearningQuizAttempts");
            a.Property(x => x.Answers).HasMaxLength(QuizGrading.AnswersMaxLength);
            // Two posts of the same attempt (a double click, two tabs) cannot both be attempt n.
            a.HasIndex(x => new { x.EnrolmentId, x.LessonId, x.Number }).IsUnique();
            a.HasOne(x => x.Enrolment).WithMany().OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Launch>(l =>
        {
            l.ToTable("LearningLaunches");
            l.Property(x => x.CredentialKey).HasMaxLength(100);
            l.Property(x => x.ProtectedAuthorization).HasMaxLength(2000);
            l.HasIndex(x => new { x.EnrolmentId, x.EndedAt, x.ExpiresAt });
            l.HasOne(x => x.Enrolment).WithMany().OnDelete(DeleteBehavior.Cascade);
        });
    }
}
