using System.Security.Claims;
using System.Text.Json.Nodes;
using Academy.Learning.Cohorts;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Academy.Modules;
using Academy.Xapi.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Packages;

/// A unit (AU) waived for one registration (cmi5 9.3.7), once: the unique index on (enrolment, unit) decides between
/// two people waiving it at once. The waived statement's id and its session id of its own are kept with it.
public sealed class PackageWaiver
{
    public int Id { get; set; }
    public int EnrolmentId { get; set; }
    public Enrolment Enrolment { get; set; } = default!;
    public int AuId { get; set; }
    public PackageAu Au { get; set; } = default!;
    public string Reason { get; set; } = "";
    public Guid SessionId { get; set; }
    public Guid StatementId { get; set; }
    /// The user id of whoever waived it.
    public string WaivedBy { get; set; } = "";
    public DateTimeOffset WaivedAt { get; set; }
}

/// Waiving a cmi5 unit for a learner (cmi5 9.3.7, 9.5.2, 9.5.3, 9.5.5.2), in one place for the page and anything else
/// that waives. Who may: an administrator, or a CCIO of the learner's own trust (any other enrolment reads as not
/// found). What is recorded: a waived statement about Academy's id for the unit, with result success and completion
/// true and one of the spec's reasons, the cmi5 and moveOn categories, the publisher's id in grouping, and a session id
/// used by no other statement but the satisfied ones that follow; then the block's and course's moveOn are evaluated
/// again (PackageSatisfactions), so a waiver can satisfy them and complete the course.
public sealed class Cmi5Waivers(
    LearningDbContext db, IStatementWriter writer, IStatementFeed feed, LearningActivities activities, PackageSatisfactions satisfactions,
    IStaffDirectory staff, TimeProvider clock)
{
    public sealed record Unit(PackageAu Au, string Title, string? Done);

    public sealed record Waivable(Enrolment Enrolment, string LearnerName, IReadOnlyList<Unit> Units);

    /// The enrolment and its units (each with what already meets it: a waiver or its moveOn), or null when there is no
    /// such cmi5 enrolment for this person to see.
    public async Task<Waivable?> FindAsync(ClaimsPrincipal user, int enrolmentId, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().Include(e => e.Course).SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
        if (enrolment is null) return null;
        var package = await db.CoursePackages.AsNoTracking().Include(p => p.Aus).ThenInclude(a => a.Lesson).ThenInclude(l => l.Section)
            .SingleOrDefaultAsync(p => p.CourseId == enrolment.CourseId && p.Format == PackageFormat.Cmi5, cancellationToken);
        if (package is null) return null;
        var person = (await staff.ByIdAsync([enrolment.UserId], cancellationToken)).FirstOrDefault();
        var allowed = user.IsAdministrator()
            || (user.CcioTrust() is { } trust && string.Equals(person?.TrustOdsCode, trust, StringComparison.OrdinalIgnoreCase));
        if (!allowed) return null;

        var waivers = await db.PackageWaivers.AsNoTracking().Where(w => w.EnrolmentId == enrolment.Id).ToListAsync(cancellationToken);
        var learner = XapiAgent.Learner(enrolment.UserId).Key;
        var mine = (await feed.ForRegistrationAsync(enrolment.Registration, cancellationToken)).Where(s => s.Actor?.Key == learner).ToList();
        var units = package.Aus.OrderBy(a => a.Lesson.Section.Position).ThenBy(a => a.Lesson.Position).Select(au =>
        {
            var id = activities.Lesson(enrolment.Course.Slug, au.Lesson.Slug);
            var done = waivers.FirstOrDefault(w => w.AuId == au.Id) is { } waiver ? $"Waived ({waiver.Reason})"
                : MoveOnRules.IsMet(au.MoveOn, mine.Where(s => s.ActivityId == id).ToList()) ? "Done" : null;
            return new Unit(au, au.Lesson.Title, done);
        }).ToList();
        return new Waivable(enrolment, person?.DisplayName ?? "", units);
    }

    /// Waives the unit; the errors (field, message), in the form's order, when it cannot.
    public async Task<List<RuleError>> WaiveAsync(ClaimsPrincipal user, Waivable waivable, int? auId, string? reason, CancellationToken cancellationToken)
    {
        var errors = new List<RuleError>();
        var unit = waivable.Units.FirstOrDefault(u => u.Au.Id == auId);
        if (unit is null) errors.Add(new("AuId", "Select the unit to waive"));
        else if (unit.Done is not null) errors.Add(new("AuId", $"{unit.Title} is already met ({unit.Done}): select another unit"));
        var why = Cmi5Iris.WaiverReasons.FirstOrDefault(r => r == reason);
        if (why is null) errors.Add(new("Reason", "Select why the unit is waived"));
        if (errors.Count > 0) return errors;

        var enrolment = waivable.Enrolment;
        var au = unit!.Au;
        var now = clock.GetUtcNow();
        var row = new PackageWaiver
        {
            EnrolmentId = enrolment.Id, AuId = au.Id, Reason = why!, SessionId = Guid.NewGuid(), StatementId = Guid.NewGuid(),
            WaivedBy = user.UserId() ?? "", WaivedAt = now,
        };
        db.PackageWaivers.Add(row);
        try
        {
            // The row first: once per unit per registration, even when two people waive at the same moment.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            return [new("AuId", $"{unit.Title} has just been waived by someone else: select another unit")];
        }

        var statement = Cmi5Launches.UnitStatement(enrolment, au, activities.Lesson(enrolment.Course.Slug, au.Lesson.Slug), row.SessionId,
            Cmi5Iris.Verbs.Waived, "Waived", now,
            new JsonObject { ["success"] = true, ["completion"] = true, ["extensions"] = new JsonObject { [Cmi5Iris.Reason] = why } }, moveOn: true);
        statement["id"] = row.StatementId.ToString();
        try
        {
            await writer.StoreAsync([statement], cancellationToken);
        }
        catch
        {
            // Nothing half-written: without its statement the waiver did not happen.
            db.PackageWaivers.Remove(row);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        await satisfactions.EvaluateAsync([enrolment.Id], cancellationToken);
        return [];
    }
}
