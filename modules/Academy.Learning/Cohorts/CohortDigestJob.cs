using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Academy.Modules;
using Academy.Notifications;
using Academy.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Academy.Learning.Cohorts;

/// Each week, each CCIO who runs a cohort gets one email of their cohorts: who became overdue and who completed a
/// course in the last 7 days. Scheduled weekly by LearningModule. A digest sent is recorded (one per CCIO per week,
/// in the same transaction as the email), so running the job again in the same week sends nothing twice. A lead
/// who is no longer a CCIO of the cohort's trust, or whose account is disabled, gets nothing.
public sealed class CohortDigestJob(
    LearningDbContext db, CohortDashboard dashboard, IStaffDirectory staff, IEmailOutbox outbox, ISiteLinks links, TimeProvider clock, ILogger<CohortDigestJob> logger)
{
    public const int Days = 7;
    public const int MaxNamesPerList = 20;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var weekOf = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var since = today.AddDays(-Days);
        var sent = (await db.CohortDigests.Where(d => d.WeekOf == weekOf).Select(d => d.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var leads = (await db.CohortLeads.AsNoTracking().Select(l => new { l.UserId, l.CohortId }).ToListAsync(cancellationToken))
            .Where(l => !sent.Contains(l.UserId)).ToLookup(l => l.UserId, l => l.CohortId);
        if (leads.Count == 0) return 0;
        var people = (await staff.ByIdAsync(leads.Select(l => l.Key), cancellationToken)).ToDictionary(p => p.UserId);
        var cohorts = await db.Cohorts.AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken);

        var count = 0;
        foreach (var lead in leads)
        {
            if (!people.TryGetValue(lead.Key, out var person) || person.Disabled || !person.Roles.Contains(Roles.Ccio)) continue;
            var sections = new List<string>();
            foreach (var cohortId in lead.Where(cohorts.ContainsKey).OrderBy(id => cohorts[id].Name))
            {
                var cohort = cohorts[cohortId];
                if (!string.Equals(cohort.TrustOdsCode, person.TrustOdsCode, StringComparison.OrdinalIgnoreCase)) continue;
                var rows = dashboard.Rows(cohortId);
                // Became overdue this week: due before today and on or after the first day of the window, and still not complete.
                var overdue = await Lines(rows.Where(r => r.Standing == Standing.Overdue && r.Enrolment.DueOn >= since), cohortId, cancellationToken);
                var completed = await Lines(rows.Where(r => r.Progress != null && r.Progress.CompletedOn >= since && r.Progress.CompletedOn <= today), cohortId, cancellationToken);
                if (overdue.Count + completed.Count == 0) continue;
                sections.Add($"{cohort.Name}\n{List("Became overdue", overdue)}{List("Completed", completed)}Open the cohort: {links.ToPage("/Cohorts/Cohort", "Learning", new { id = cohortId })}\n");
            }
            if (sections.Count == 0) continue;
            db.CohortDigests.Add(new CohortDigest { UserId = person.UserId, WeekOf = weekOf, SentAt = now });
            var message = new EmailMessage(person.Email, "Your cohorts this week",
                $"Dear {person.DisplayName},\n\nWhat changed in your cohorts in the last {Days} days:\n\n{string.Join("\n", sections)}");
            try
            {
                await outbox.SaveChangesWithEmailAsync(db, [message], cancellationToken);
                count++;
            }
            catch (DbUpdateException)
            {
                // Another run sent this CCIO's digest for the week first; the unique key kept one.
                logger.LogInformation("The cohort digest for {UserId} in the week of {WeekOf} was already sent", person.UserId, weekOf);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return count;
    }

    private async Task<List<string>> Lines(IQueryable<EnrolmentStandingRow> rows, int cohortId, CancellationToken cancellationToken)
    {
        var found = await (from r in rows
                           join m in db.CohortMembers.Where(m => m.CohortId == cohortId) on r.Enrolment.UserId equals m.UserId
                           orderby m.Email, r.Enrolment.Course.Title
                           select new { r.Enrolment.UserId, r.Enrolment.Course.Title }).Take(MaxNamesPerList + 1).ToListAsync(cancellationToken);
        var names = (await staff.ByIdAsync(found.Select(f => f.UserId), cancellationToken)).ToDictionary(p => p.UserId, p => p.DisplayName);
        var lines = found.Take(MaxNamesPerList).Select(f => $"- {names.GetValueOrDefault(f.UserId, "A former member")}: {f.Title}").ToList();
        if (found.Count > MaxNamesPerList) lines.Add("- and more: see the cohort's page");
        return lines;
    }

    private static string List(string heading, List<string> lines) => lines.Count == 0 ? "" : $"{heading}:\n{string.Join("\n", lines)}\n";
}
