using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Learning.Progress;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Enrolments;

/// Enrolling a person on a course, in one place (self-enrolment, a CCIO, a cohort, an upload).
/// At most one live enrolment per person and course: enrolling again returns the live one (adding who gave it
/// this time, and the earlier due date), and the database's unique index settles two requests that race (a
/// double-click, two tabs). Each enrolment keeps its grants (who gave it), so that leaving a cohort ends only
/// what nothing else gave.
public sealed class EnrolmentRules(LearningDbContext db, TimeProvider clock)
{
    public sealed record Result(Enrolment Enrolment, bool Created);

    public Task<Enrolment?> LiveAsync(int courseId, string userId, CancellationToken cancellationToken) =>
        db.Enrolments.SingleOrDefaultAsync(e => e.CourseId == courseId && e.UserId == userId && e.EndedAt == null, cancellationToken);

    /// Only published courses take new self-enrolments; the caller has found the course.
    public static bool CanSelfEnrol(Course course) => course.Status == CourseStatus.Published;

    public Task<Result> EnrolAsync(Course course, string userId, EnrolmentSource source, DateOnly? dueOn, CancellationToken cancellationToken) =>
        GrantAsync(course, userId, source, cohortId: null, dueOn, cancellationToken);

    private async Task<Result> GrantAsync(Course course, string userId, EnrolmentSource source, int? cohortId, DateOnly? dueOn, CancellationToken cancellationToken)
    {
        var result = await LiveOrNewAsync(course, userId, source, cohortId, dueOn, cancellationToken);
        if (result.Created) return result;
        var id = result.Enrolment.Id;
        if (!await db.EnrolmentGrants.AnyAsync(g => g.EnrolmentId == id && g.Source == source && g.CohortId == cohortId, cancellationToken))
        {
            var grant = new EnrolmentGrant { EnrolmentId = id, Source = source, CohortId = cohortId, GrantedAt = clock.GetUtcNow() };
            db.EnrolmentGrants.Add(grant);
            await db.SaveChangesAsync(cancellationToken);
            // Only the grant is let go: a caller's own tracked rows (an upload job's progress) must survive this call.
            db.Entry(grant).State = EntityState.Detached;
        }
        // The earlier due date wins: a trust's deadline is not moved later by a second enrolment, nor dropped by self-enrolment.
        if (dueOn is { } due && (result.Enrolment.DueOn is null || due < result.Enrolment.DueOn))
        {
            await db.Enrolments.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.DueOn, due), cancellationToken);
            result.Enrolment.DueOn = due;
        }
        return result;
    }

    private async Task<Result> LiveOrNewAsync(Course course, string userId, EnrolmentSource source, int? cohortId, DateOnly? dueOn, CancellationToken cancellationToken)
    {
        if (await LiveAsync(course.Id, userId, cancellationToken) is { } live) return new Result(live, false);
        var now = clock.GetUtcNow();
        var enrolment = new Enrolment
        {
            CourseId = course.Id, UserId = userId, Registration = Guid.NewGuid(), EnrolledAt = now, DueOn = dueOn, Source = source,
        };
        var grant = new EnrolmentGrant { Enrolment = enrolment, Source = source, CohortId = cohortId, GrantedAt = now };
        db.Enrolments.Add(enrolment);
        db.EnrolmentGrants.Add(grant);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new Result(enrolment, true);
        }
        catch (DbUpdateException)
        {
            db.Entry(grant).State = EntityState.Detached;
            db.Entry(enrolment).State = EntityState.Detached;
            var other = await db.Enrolments.AsNoTracking()
                .SingleOrDefaultAsync(e => e.CourseId == course.Id && e.UserId == userId && e.EndedAt == null, cancellationToken);
            if (other is null) throw;
            return new Result(other, false);
        }
    }

    /// A cohort's enrolment of one of its members on one of its courses.
    public Task<Result> EnrolForCohortAsync(Course course, string userId, int cohortId, DateOnly dueOn, CancellationToken cancellationToken) =>
        GrantAsync(course, userId, EnrolmentSource.Cohort, cohortId, dueOn, cancellationToken);

    /// Takes back what a cohort gave (to one member, or on one course, or both): its grants go, and each live
    /// enrolment left with no grant at all is ended, unless it is complete: a completion stays the person's, with
    /// its certificate and expiry, and joining again finds it. Returns how many enrolments were ended.
    public async Task<int> EndCohortGrantsAsync(int cohortId, string? userId, int? courseId, CancellationToken cancellationToken)
    {
        var grants = db.EnrolmentGrants.Where(g => g.CohortId == cohortId && g.Enrolment.EndedAt == null);
        if (userId is not null) grants = grants.Where(g => g.Enrolment.UserId == userId);
        if (courseId is not null) grants = grants.Where(g => g.Enrolment.CourseId == courseId);
        var taken = await grants.Select(g => new { g.Id, g.EnrolmentId }).ToListAsync(cancellationToken);
        if (taken.Count == 0) return 0;
        var grantIds = taken.Select(t => t.Id).ToList();
        var enrolmentIds = taken.Select(t => t.EnrolmentId).Distinct().ToList();
        await db.EnrolmentGrants.Where(g => grantIds.Contains(g.Id)).ExecuteDeleteAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await db.Enrolments
            .Where(e => enrolmentIds.Contains(e.Id) && e.EndedAt == null && !db.EnrolmentGrants.Any(g => g.EnrolmentId == e.Id))
            .Where(e => !db.EnrolmentProgress.Any(p => p.EnrolmentId == e.Id && (p.Status == ProgressStatus.Completed || p.Status == ProgressStatus.Passed)))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.EndedAt, now), cancellationToken);
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
        // Whoever gave the old enrolment (a cohort, a CCIO, an upload) gives the new one, so leaving a cohort later
        // ends the renewal as it would have ended the first.
        var grants = await db.EnrolmentGrants.AsNoTracking().Where(g => g.EnrolmentId == completed.Id).ToListAsync(cancellationToken);
        if (grants.Count == 0) grants = [new EnrolmentGrant { Source = completed.Source }];
        db.EnrolmentGrants.AddRange(grants.Select(g => new EnrolmentGrant { Enrolment = enrolment, Source = g.Source, CohortId = g.CohortId, GrantedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Result(enrolment, true);
    }
}
