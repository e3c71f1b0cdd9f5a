using Academy.Learning.Certificates;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Learning.Tests.Support;

/// Reads and changes Learning's data directly, for tests that are about something else.
public static class Arrange
{
    public static string NewEmail(string who) => $"{who}.{Guid.NewGuid():N}@learning.test";

    public static string NewSlug(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static Task<T> DbAsync<T>(AcademySite site, Func<LearningDbContext, Task<T>> action) =>
        site.WithServicesAsync(sp => action(sp.GetRequiredService<LearningDbContext>()));

    public static Task<Course> CourseAsync(AcademySite site, string slug) => DbAsync(site, db =>
        db.Courses.AsNoTracking().Include(c => c.Sections).ThenInclude(s => s.Lessons).ThenInclude(l => l.Questions).ThenInclude(q => q.Options)
            .AsSplitQuery().SingleAsync(c => c.Slug == slug));

    public static Task<int> SetStatusAsync(AcademySite site, string slug, CourseStatus status) => DbAsync(site, async db =>
    {
        var course = await db.Courses.SingleAsync(c => c.Slug == slug);
        course.Status = status;
        course.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
        return course.Id;
    });

    /// A draft course with one empty section, made directly (no lessons: not yet publishable).
    public static Task<Course> DraftAsync(AcademySite site, string slug, string title = "A draft course") => DbAsync(site, async db =>
    {
        var course = new Course
        {
            Slug = slug, Title = title, Summary = "Not finished.", Domain = CapabilityDomain.TechnicalProficiency, EstimatedMinutes = 10,
            CompletionRule = "Read it.", Status = CourseStatus.Draft, UpdatedAt = DateTimeOffset.UtcNow,
            Sections = [new Section { Position = 1, Title = "Only section" }],
        };
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        return course;
    });

    // Certificates: a published course, an enrolment, and completions told to the certificates module the way
    // the progress projection tells them.

    /// AcademySite.CreateUserAsync's password.
    public const string Password = "a-long-enough-password";

    public static async Task<Course> PublishedCourseAsync(AcademySite site, string? title = null, int validityMonths = 12) =>
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
        var course = await PublishedCourseAsync(site, courseTitle, validityMonths);
        var enrolmentId = await EnrolmentAsync(site, userId, course.Id);
        await CompletedAsync(site, enrolmentId, Guid.NewGuid(), completedAt ?? DateTimeOffset.UtcNow.AddDays(-1));
        return ((await CertificatesAsync(site, enrolmentId)).Single(), email, enrolmentId);
    }

    /// Enrols a person as self-enrolment does, through the module's own rules.
    public static Task<Academy.Learning.Enrolments.Enrolment> EnrolAsync(AcademySite site, string slug, string userId) => site.WithServicesAsync(async sp =>
    {
        var course = await sp.GetRequiredService<LearningDbContext>().Courses.SingleAsync(c => c.Slug == slug);
        var result = await sp.GetRequiredService<Academy.Learning.Enrolments.EnrolmentRules>()
            .EnrolAsync(course, userId, Academy.Learning.Enrolments.EnrolmentSource.Self, null, CancellationToken.None);
        return result.Enrolment;
    });

    /// The ids of a CourseFiles.Course fixture's parts, by the names the page templates use ({course}, {section}, {page}, {video}, {quiz}, {question}).
    public static async Task<Dictionary<string, string>> FixtureIdsAsync(AcademySite site, string slug)
    {
        var course = await CourseAsync(site, slug);
        var lessons = course.Sections.SelectMany(s => s.Lessons).ToDictionary(l => l.Slug);
        return new()
        {
            ["course"] = course.Id.ToString(), ["section"] = course.Sections.OrderBy(s => s.Position).First().Id.ToString(),
            ["page"] = lessons["intro"].Id.ToString(), ["video"] = lessons["clip"].Id.ToString(), ["quiz"] = lessons["check"].Id.ToString(),
            ["question"] = lessons["check"].Questions.Single().Id.ToString(),
        };
    }
}
