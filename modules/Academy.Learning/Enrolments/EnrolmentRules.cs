using Academy.Learning.Courses;
using Academy.Learning.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Enrolments;

/// Enrolling a person on a course, in one place (self-enrolment now; CCIO, cohort and upload enrolment later).
/// At most one live enrolment per person and course: enrolling again returns the live one, and the database's
/// unique index settles two requests that race (a double-click, two tabs).
public sealed class EnrolmentRules(LearningDbContext db, TimeProvider clock)
{
    public sealed record Result(Enrolment Enrolment, bool Created);

    public Task<Enrolment?> LiveAsync(int courseId, string userId, CancellationToken cancellationToken) =>
        db.Enrolments.SingleOrDefaultAsync(e => e.CourseId == courseId && e.UserId == userId && e.EndedAt == null, cancellationToken);

    /// Only published courses take new self-enrolments; the caller has found the course.
    public static bool CanSelfEnrol(Course course) => course.Status == CourseStatus.Published;

    public async Task<Result> EnrolAsync(Course course, string userId, EnrolmentSource source, DateOnly? dueOn, CancellationToken cancellationToken)
    {
        if (await LiveAsync(course.Id, userId, cancellationToken) is { } live) return new Result(live, false);
        var enrolment = new Enrolment
        {
            CourseId = course.Id, UserId = userId, Registration = Guid.NewGuid(), EnrolledAt = clock.GetUtcNow(), DueOn = dueOn, Source = source,
        };
        db.Enrolments.Add(enrolment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new Result(enrolment, true);
        }
        catch (DbUpdateException)
        {
            db.Entry(enrolment).State = EntityState.Detached;
            var other = await db.Enrolments.AsNoTracking()
                .SingleOrDefaultAsync(e => e.CourseId == course.Id && e.UserId == userId && e.EndedAt == null, cancellationToken);
            if (other is null) throw;
            return new Result(other, false);
        }
    }

    /// Recertification: ends a completed enrolment and enrols the person again on the same course, due on
    /// <paramref name="dueOn"/> (the day the completion expires), in one transaction. The new enrolment keeps the old
    /// one's source. Null when the enrolment had already ended (another run of the job renewed it first).
    public async Task<Result?> RenewAsync(Enrolment completed, DateOnly dueOn, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var ended = await db.Enrolments.Where(e => e.Id == completed.Id && e.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.EndedAt, now), cancellationToken);
        if (ended == 0) return null;
        var enrolment = new Enrolment
        {
            CourseId = completed.CourseId, UserId = completed.UserId, Registration = Guid.NewGuid(), EnrolledAt = now, DueOn = dueOn, Source = completed.Source,
        };
        db.Enrolments.Add(enrolment);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Result(enrolment, true);
    }
}
