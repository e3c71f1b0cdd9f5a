using System.Security.Claims;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Academy.Modules;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Cohorts;

/// Who sees a cohort and who may change it, in one place. A CCIO sees and changes their own trust's cohorts (the
/// academy:trust claim); an administrator sees every trust's (read-only: the trust's own CCIOs run them);
/// anyone else sees none. A cohort of another trust reads as not found, so an edited id learns nothing.
public static class CohortAccess
{
    public static IQueryable<Cohort> VisibleTo(this IQueryable<Cohort> cohorts, ClaimsPrincipal user) =>
        user.IsAdministrator() ? cohorts
        : user.IsCcio() && user.TrustOdsCode() is { Length: > 0 } trust ? cohorts.Where(c => c.TrustOdsCode == trust)
        : cohorts.Where(_ => false);

    public static bool CanChange(this ClaimsPrincipal user, Cohort cohort) =>
        user.IsCcio() && string.Equals(user.TrustOdsCode(), cohort.TrustOdsCode, StringComparison.OrdinalIgnoreCase);

    /// A CCIO with a trust: may create cohorts and enrol the trust's people.
    public static string? CcioTrust(this ClaimsPrincipal user) =>
        user.IsCcio() && user.TrustOdsCode() is { Length: > 0 } trust ? trust : null;
}

/// A cohort's changes, each in one transaction: joining enrols the person on every course of the cohort
/// (source Cohort, due as the course says); leaving takes back what only the cohort gave; adding a course enrols
/// every current member; removing a course takes back what only the cohort gave on it.
public sealed class CohortRules(LearningDbContext db, EnrolmentRules enrolments, IStaffDirectory staff, TimeProvider clock)
{
    public const int MaxDueDays = 3650;

    public static List<RuleError> CheckName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) return [new("Name", "Enter a name for the cohort")];
        if (trimmed.Length > CohortsModel.NameMaxLength) return [new("Name", $"Cohort name must be {CohortsModel.NameMaxLength} characters or fewer")];
        return [];
    }

    public async Task<(Cohort? Cohort, List<RuleError> Errors)> CreateAsync(string trust, string leadUserId, string? name, CancellationToken cancellationToken)
    {
        var errors = CheckName(name);
        if (errors.Count > 0) return (null, errors);
        var trimmed = name!.Trim();
        if (await db.Cohorts.AnyAsync(c => c.TrustOdsCode == trust && c.Name == trimmed, cancellationToken))
            return (null, [new("Name", "Your trust already has a cohort with this name")]);
        var cohort = new Cohort { TrustOdsCode = trust, Name = trimmed, CreatedAt = clock.GetUtcNow(), Leads = [new CohortLead { UserId = leadUserId }] };
        db.Cohorts.Add(cohort);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two CCIOs chose the same name at once; the unique index kept one.
            db.ChangeTracker.Clear();
            if (!await db.Cohorts.AsNoTracking().AnyAsync(c => c.TrustOdsCode == trust && c.Name == trimmed, cancellationToken)) throw;
            return (null, [new("Name", "Your trust already has a cohort with this name")]);
        }
        return (cohort, []);
    }

    /// The person of the cohort's trust with this address, or the error to show beside the field.
    public async Task<(StaffPerson? Person, RuleError? Error)> PersonOfTrustAsync(string trust, string field, string? email, CancellationToken cancellationToken)
    {
        var address = email?.Trim() ?? "";
        if (address.Length == 0) return (null, new(field, "Enter an email address"));
        if (address.Length > CohortsModel.EmailMaxLength || !address.Contains('@', StringComparison.Ordinal) || address.Any(char.IsWhiteSpace))
            return (null, new(field, "Enter an email address in the correct format, like name@nhs.net"));
        var person = (await staff.ByEmailAsync([address], cancellationToken)).FirstOrDefault(p => !p.Disabled);
        // Another trust's person reads the same as nobody: a CCIO learns nothing about other trusts' staff.
        if (person is null || !string.Equals(person.TrustOdsCode, trust, StringComparison.OrdinalIgnoreCase))
            return (null, new(field, "There is no one at your trust with this email address"));
        return (person, null);
    }

    public async Task<List<RuleError>> AddMemberAsync(Cohort cohort, string? email, CancellationToken cancellationToken)
    {
        var (person, error) = await PersonOfTrustAsync(cohort.TrustOdsCode, "Email", email, cancellationToken);
        if (person is null) return [error!];
        if (await db.CohortMembers.AnyAsync(m => m.CohortId == cohort.Id && m.UserId == person.UserId, cancellationToken))
            return [new("Email", $"{person.DisplayName} is already in this cohort")];
        var courses = await db.CohortCourses.Include(c => c.Course).Where(c => c.CohortId == cohort.Id).ToListAsync(cancellationToken);
        await InTransactionAsync(async () =>
        {
            var member = new CohortMember { CohortId = cohort.Id, UserId = person.UserId, Email = person.Email, JoinedAt = clock.GetUtcNow() };
            db.CohortMembers.Add(member);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var course in courses)
                await enrolments.EnrolForCohortAsync(course.Course, person.UserId, cohort.Id, course.DueFor(member.JoinedAt), cancellationToken);
        }, cancellationToken);
        return [];
    }

    public async Task<bool> RemoveMemberAsync(Cohort cohort, string userId, CancellationToken cancellationToken)
    {
        var removed = false;
        await InTransactionAsync(async () =>
        {
            removed = await db.CohortMembers.Where(m => m.CohortId == cohort.Id && m.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
            if (removed) await enrolments.EndCohortGrantsAsync(cohort.Id, userId, courseId: null, cancellationToken);
        }, cancellationToken);
        return removed;
    }

    /// <paramref name="dueKind"/>: "date" (a fixed date, <paramref name="dueDate"/> as the date input posts it) or
    /// "days" (<paramref name="dueDays"/> after each person joins).
    public async Task<List<RuleError>> AddCourseAsync(Cohort cohort, string? courseId, string? dueKind, string? dueDate, string? dueDays, CancellationToken cancellationToken)
    {
        var errors = new List<RuleError>();
        Course? course = null;
        if (!int.TryParse(courseId, out var id) || (course = await db.Courses.SingleOrDefaultAsync(c => c.Id == id && c.Status == CourseStatus.Published, cancellationToken)) is null)
            errors.Add(new("CourseId", "Select a course"));
        else if (await db.CohortCourses.AnyAsync(c => c.CohortId == cohort.Id && c.CourseId == id, cancellationToken))
            errors.Add(new("CourseId", "This course is already in the cohort"));
        DateOnly? fixedDate = null;
        int? days = null;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        switch (dueKind)
        {
            case "date":
                var (date, dateError) = DueDates.Parse(dueDate, "DueDate", "the due date", today);
                if (dateError is not null) errors.Add(dateError);
                fixedDate = date;
                break;
            case "days":
                if (string.IsNullOrWhiteSpace(dueDays)) errors.Add(new("DueDays", "Enter the number of days after joining"));
                else if (!int.TryParse(dueDays.Trim(), out var n) || n < 1 || n > MaxDueDays) errors.Add(new("DueDays", $"Number of days must be a whole number from 1 to {MaxDueDays}"));
                else days = n;
                break;
            default:
                errors.Add(new("DueKind", "Select when the course is due"));
                break;
        }
        if (errors.Count > 0) return errors;

        var members = await db.CohortMembers.AsNoTracking().Where(m => m.CohortId == cohort.Id).ToListAsync(cancellationToken);
        await InTransactionAsync(async () =>
        {
            var added = new CohortCourse { CohortId = cohort.Id, CourseId = course!.Id, DueOn = fixedDate, DueDaysAfterJoining = days, AddedAt = clock.GetUtcNow() };
            db.CohortCourses.Add(added);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var member in members)
                await enrolments.EnrolForCohortAsync(course, member.UserId, cohort.Id, added.DueFor(member.JoinedAt), cancellationToken);
        }, cancellationToken);
        return [];
    }

    public async Task<bool> RemoveCourseAsync(Cohort cohort, int courseId, CancellationToken cancellationToken)
    {
        var removed = false;
        await InTransactionAsync(async () =>
        {
            removed = await db.CohortCourses.Where(c => c.CohortId == cohort.Id && c.CourseId == courseId).ExecuteDeleteAsync(cancellationToken) > 0;
            if (removed) await enrolments.EndCohortGrantsAsync(cohort.Id, userId: null, courseId, cancellationToken);
        }, cancellationToken);
        return removed;
    }

    /// Another CCIO of the trust who runs the cohort with the others (and gets its digest).
    public async Task<List<RuleError>> AddLeadAsync(Cohort cohort, string? email, CancellationToken cancellationToken)
    {
        var (person, error) = await PersonOfTrustAsync(cohort.TrustOdsCode, "LeadEmail", email, cancellationToken);
        if (person is null) return [error!];
        if (!person.Roles.Contains(Academy.Roles.Ccio)) return [new("LeadEmail", $"{person.DisplayName} is not a CCIO: only CCIOs can run a cohort")];
        if (await db.CohortLeads.AnyAsync(l => l.CohortId == cohort.Id && l.UserId == person.UserId, cancellationToken))
            return [new("LeadEmail", $"{person.DisplayName} already runs this cohort")];
        db.CohortLeads.Add(new CohortLead { CohortId = cohort.Id, UserId = person.UserId });
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// Nothing half-written: a failure part-way (a course enrolment, a race) keeps none of the change.
    private async Task InTransactionAsync(Func<Task> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await change();
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}

/// Due dates as people enter them in the NHS.UK date input (see PlainTextModelBinder: "yyyy-M-d").
public static class DueDates
{
    public static (DateOnly? Date, RuleError? Error) Parse(string? text, string field, string what, DateOnly today, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, required ? new(field, $"Enter {what}") : null);
        var parts = text.Split('-');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0)) return (null, new(field, $"{Capital(what)} must include a day, month and year"));
        if (!DateOnly.TryParseExact(text.Trim(), ["yyyy-M-d", "yyyy-MM-dd"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            return (null, new(field, $"{Capital(what)} must be a real date"));
        if (date < today) return (null, new(field, $"{Capital(what)} must be today or in the future"));
        if (date > today.AddYears(10)) return (null, new(field, $"{Capital(what)} must be within 10 years"));
        return (date, null);
    }

    private static string Capital(string what) => char.ToUpperInvariant(what[0]) + what[1..];
}
