using Academy.Learning.Courses;
using Academy.Learning.Data;
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
