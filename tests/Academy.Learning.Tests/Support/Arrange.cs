using Academy.Learning.Certificates;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Learning.Tests.Support;

/// Data for tests that are about something else: courses and enrolments written straight to the module's
/// context, and completions told to the certificates module the way the progress projection tells them.
public static class Arrange
{
    public const string Password = "a-long-enough-password";

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@nhs.test";

    public static async Task<Course> CourseAsync(AcademySite site, string? title = null, int validityMonths = 12) =>
        await DbAsync(site, async db =>
        {
            var slug = "course-" + Guid.NewGuid().ToString("N")[..12];
            var course = new Course
            {
                Slug = slug, Title = title ?? $"Course {slug}", Summary = "A course for tests.", Domain = CapabilityDomain.TechnicalProficiency,
                EstimatedMinutes = 20, ValidityMonths = validityMonths, CompletionRule = "All lessons viewed.", Status = CourseStatus.Published,
                PublishedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            return course;
        });

    public static async Task<int> EnrolmentAsync(AcademySite site, string userId, int courseId) =>
        await DbAsync(site, async db =>
        {
            var enrolment = new Enrolment { CourseId = courseId, UserId = userId, Registration = Guid.NewGuid(), EnrolledAt = DateTimeOffset.UtcNow, Source = EnrolmentSource.Self };
            db.Enrolments.Add(enrolment);
            await db.SaveChangesAsync();
            return enrolment.Id;
        });

    public static Task CompletedAsync(AcademySite site, int enrolmentId, Guid statementId, DateTimeOffset completedAt) =>
        site.WithServicesAsync(async sp => { await sp.GetRequiredService<ICourseCompletionListener>().CompletedAsync(enrolmentId, statementId, completedAt); return 0; });

    public static Task WithdrawnAsync(AcademySite site, int enrolmentId, Guid statementId) =>
        site.WithServicesAsync(async sp => { await sp.GetRequiredService<ICourseCompletionListener>().CompletionWithdrawnAsync(enrolmentId, statementId); return 0; });

    public static Task<List<Certificate>> CertificatesAsync(AcademySite site, int enrolmentId) =>
        DbAsync(site, db => db.Certificates.AsNoTracking().Where(c => c.EnrolmentId == enrolmentId).OrderBy(c => c.Id).ToListAsync());

    /// A learner with a name, enrolled on a new course, who has completed it: their certificate.
    public static async Task<(Certificate Certificate, string Email, int EnrolmentId)> CertificateAsync(
        AcademySite site, string name = "Priya Shah", string? courseTitle = null, int validityMonths = 12, DateTimeOffset? completedAt = null)
    {
        var email = NewEmail("learner");
        var userId = await site.CreateUserAsync(email, [Roles.Learner], name: name);
        var course = await CourseAsync(site, courseTitle, validityMonths);
        var enrolmentId = await EnrolmentAsync(site, userId, course.Id);
        await CompletedAsync(site, enrolmentId, Guid.NewGuid(), completedAt ?? DateTimeOffset.UtcNow.AddDays(-1));
        return ((await CertificatesAsync(site, enrolmentId)).Single(), email, enrolmentId);
    }

    public static async Task<T> DbAsync<T>(AcademySite site, Func<LearningDbContext, Task<T>> action) =>
        await site.WithServicesAsync(sp => action(sp.GetRequiredService<LearningDbContext>()));
}
