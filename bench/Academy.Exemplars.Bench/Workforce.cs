using Academy;
using Academy.Identity.Data;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Academy.Learning.Progress;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

/// A trust's workforce in the Digital Academy, for the trust page's skills summary (issue 11 §7): `learners` staff of
/// one trust, each enrolled on every one of 10 published courses (the starter course and 9 more); about a third
/// complete, a third in progress, and a quarter of the rest past their due date. Written straight through the
/// modules' DbContexts (50,000 enrolments over HTTP would take longer than the measurement).
static class Workforce
{
    public static async Task<int> GenerateAsync(IServiceProvider services, string trust, int learners)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var learning = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
        var role = await accounts.Roles.SingleAsync(r => r.Name == Roles.Learner);
        var ids = new List<string>();
        for (var i = 0; i < learners; i++)
        {
            var email = $"staff{i:00000}@{trust.ToLowerInvariant()}.bench.test";
            var user = new AcademyUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                DisplayName = $"Staff {i:00000}", TrustOdsCode = trust, SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = DateTimeOffset.UtcNow };
            accounts.Users.Add(user);
            accounts.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
            ids.Add(user.Id);
        }
        await accounts.SaveChangesAsync();

        for (var c = 1; c <= 9; c++)
            learning.Courses.Add(new Course { Slug = $"workforce-course-{c}", Title = $"Workforce course {c}", Summary = "s", Domain = (CapabilityDomain)(c % 6), EstimatedMinutes = 30,
                ValidityMonths = 12, CompletionRule = "r", Status = CourseStatus.Published, PublishedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
        await learning.SaveChangesAsync();
        var courses = await learning.Courses.Where(c => c.Status == CourseStatus.Published).Select(c => c.Id).ToListAsync();

        var random = new Random(11);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var count = 0;
        foreach (var chunk in ids.Chunk(500))
        {
            var made = new List<(Enrolment Enrolment, int Kind)>();
            foreach (var userId in chunk)
                foreach (var courseId in courses)
                {
                    var kind = random.Next(3); // 0 not started, 1 in progress, 2 complete
                    var enrolment = new Enrolment { CourseId = courseId, UserId = userId, Registration = Guid.NewGuid(), EnrolledAt = DateTimeOffset.UtcNow.AddDays(-100),
                        DueOn = today.AddDays(random.Next(4) == 0 ? -random.Next(1, 60) : random.Next(1, 90)), Source = EnrolmentSource.Self };
                    learning.Enrolments.Add(enrolment);
                    made.Add((enrolment, kind));
                }
            await learning.SaveChangesAsync();
            foreach (var (enrolment, kind) in made.Where(m => m.Kind > 0))
            {
                var completed = kind == 2 ? DateTimeOffset.UtcNow.AddDays(-random.Next(1, 400)) : (DateTimeOffset?)null;
                learning.EnrolmentProgress.Add(new EnrolmentProgress { EnrolmentId = enrolment.Id, Status = kind == 2 ? ProgressStatus.Completed : ProgressStatus.InProgress,
                    LastActivityAt = completed ?? DateTimeOffset.UtcNow, CompletedAt = completed,
                    CompletedOn = completed is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null,
                    ExpiresOn = completed is { } done ? DateOnly.FromDateTime(done.UtcDateTime).AddMonths(12) : null });
            }
            await learning.SaveChangesAsync();
            learning.ChangeTracker.Clear();
            count += made.Count;
        }
        return count;
    }
}
