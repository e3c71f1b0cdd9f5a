using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Academy.Xapi.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Player;

/// A lesson as one enrolled learner meets it: the course, the enrolment and the lessons in order.
public sealed record LessonPlace(Course Course, Enrolment Enrolment, Lesson Lesson, IReadOnlyList<Lesson> InOrder)
{
    public int Number => InOrder.TakeWhile(l => l != Lesson).Count() + 1;
    public Lesson? Previous => Number > 1 ? InOrder[Number - 2] : null;
    public Lesson? Next => Number < InOrder.Count ? InOrder[Number] : null;
}

public enum PlayerAccess { Found, NotFound, NotEnrolled }

/// Finds the lesson a learner asks for, and where "Resume" takes them.
public sealed class CoursePlayer(LearningDbContext db, IStatementFeed feed, LearningActivities activities)
{
    /// NotFound for a course that is missing or still a draft, or a lesson that is not in this course;
    /// NotEnrolled for a learner with no live enrolment on the course.
    public async Task<(PlayerAccess Access, LessonPlace? Place)> FindAsync(string userId, string slug, string? lessonSlug, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsSplitQuery()
            .Include(c => c.Sections).ThenInclude(s => s.Lessons).ThenInclude(l => l.Questions).ThenInclude(q => q.Options)
            .SingleOrDefaultAsync(c => c.Slug == slug && c.Status != CourseStatus.Draft, cancellationToken);
        if (course is null) return (PlayerAccess.NotFound, null);
        var inOrder = course.Sections.OrderBy(s => s.Position).SelectMany(s => s.Lessons.OrderBy(l => l.Position)).ToList();
        var lesson = lessonSlug is null ? inOrder.FirstOrDefault() : inOrder.SingleOrDefault(l => l.Slug == lessonSlug);
        if (lesson is null) return (PlayerAccess.NotFound, null);
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.CourseId == course.Id && e.UserId == userId && e.EndedAt == null, cancellationToken);
        if (enrolment is null) return (PlayerAccess.NotEnrolled, null);
        enrolment.Course = course;
        return (PlayerAccess.Found, new LessonPlace(course, enrolment, lesson, inOrder));
    }

    /// The lesson of the enrolment's latest statement about one of the course's lessons (the page's own
    /// or one the server recorded, a question's parent included): where the learner left off. The first
    /// lesson when there is none yet. Read from the LRS's statements, so it works with or without the
    /// page's script; the State bookmark the page keeps adds the place within that lesson.
    public async Task<Lesson> ResumeAsync(LessonPlace start, CancellationToken cancellationToken)
    {
        var byIri = start.InOrder.ToDictionary(l => activities.Lesson(start.Course.Slug, l.Slug));
        var statements = await feed.ForRegistrationAsync(start.Enrolment.Registration, cancellationToken);
        for (var i = statements.Count - 1; i >= 0; i--)
        {
            var s = statements[i];
            if (s.ActivityId is { } id && byIri.TryGetValue(id, out var lesson)) return lesson;
            foreach (var parent in s.ParentIds)
                if (byIri.TryGetValue(parent, out var parentLesson)) return parentLesson;
        }
        return start.InOrder[0];
    }
}
