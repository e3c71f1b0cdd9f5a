using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Academy.Modules;
using Academy.Xapi.Contracts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Player;

/// The launch a lesson page sends its statements under. The first lesson page of an enrolment starts a
/// launch: a credential from the LRS scoped to the learner, the enrolment's registration and the
/// course (4 hours, the LRS's default lifetime), and a launched statement. Later pages reuse it while
/// at least <see cref="ReuseMargin"/> of it is left, so a page never holds a credential about to lapse;
/// then the next page starts a new launch. Signing out ends the learner's launches (and the LRS revokes
/// their credentials).
public sealed class Launches(
    LearningDbContext db, ILaunchCredentials credentials, IStatementWriter writer, LessonStatements statements,
    LearningActivities activities, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string ProtectorPurpose = "Academy.Learning.Launch";
    public static readonly TimeSpan ReuseMargin = TimeSpan.FromMinutes(30);

    public async Task<ActiveLaunch> GetOrStartAsync(Enrolment enrolment, Course course, CancellationToken cancellationToken)
    {
        var protector = protection.CreateProtector(ProtectorPurpose);
        var now = clock.GetUtcNow();
        var usableUntil = now + ReuseMargin;
        var current = await db.Launches
            .Where(l => l.EnrolmentId == enrolment.Id && l.EndedAt == null)
            .OrderByDescending(l => l.Id)
            .FirstOrDefaultAsync(cancellationToken);
        // Compared in memory: SQLite cannot order or compare DateTimeOffset in SQL.
        if (current is not null && current.ExpiresAt > usableUntil)
            return new ActiveLaunch(current.SessionId, protector.Unprotect(current.ProtectedAuthorization), current.ExpiresAt);

        var scope = new LaunchScope(XapiAgent.Learner(enrolment.UserId), enrolment.Registration, activities.Course(course.Slug));
        var credential = await credentials.IssueAsync(scope, lifetime: null, cancellationToken);
        var launch = new Launch
        {
            EnrolmentId = enrolment.Id,
            SessionId = Guid.NewGuid(),
            CredentialKey = credential.Key,
            ProtectedAuthorization = protector.Protect(credential.AuthorizationHeader),
            StartedAt = now,
            ExpiresAt = credential.ExpiresAt,
        };
        db.Launches.Add(launch);
        await writer.StoreAsync([statements.Launched(enrolment, course, launch.SessionId)], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ActiveLaunch(launch.SessionId, credential.AuthorizationHeader, credential.ExpiresAt);
    }
}

public sealed record ActiveLaunch(Guid SessionId, string Authorization, DateTimeOffset ExpiresAt);

/// Signing out ends the person's launches here; the LRS revokes the credentials themselves on its own sign-out listener.
internal sealed class EndLaunchesOnSignOut(LearningDbContext db, TimeProvider clock) : ISignOutListener
{
    public async Task SignedOutAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var open = await db.Launches.Where(l => l.EndedAt == null && l.Enrolment.UserId == userId).ToListAsync(cancellationToken);
        foreach (var launch in open) launch.EndedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }
}
