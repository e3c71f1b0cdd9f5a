using Academy.Exemplars.Data;
using Academy.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Tracking;

/// Reminds trust leads of returns due within 7 days and of overdue ones (not submitted, or returned and not resubmitted).
/// Scheduled daily by ExemplarsModule. This module cannot list the accounts module's people, so the reminder goes to
/// the person who last submitted a return for the participation; a participation that never submitted one gets none.
public sealed class ReturnReminderJob(ExemplarsDbContext db, IEmailOutbox outbox, TimeProvider clock)
{
    public const int DaysAhead = 7;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var participations = await db.Participations.AsNoTracking().Include(p => p.Programme).Include(p => p.Trust).ToListAsync(cancellationToken);
        var returns = (await db.Returns.AsNoTracking().Select(r => new { r.ParticipationId, r.PeriodStart, r.Status, r.SubmittedBy, r.SubmittedAt }).ToListAsync(cancellationToken))
            .ToLookup(r => r.ParticipationId);
        var messages = new List<EmailMessage>();
        foreach (var p in participations)
        {
            var mine = returns[p.Id].ToList();
            var lead = mine.Where(r => r.SubmittedBy is not null).OrderByDescending(r => r.SubmittedAt).Select(r => r.SubmittedBy).FirstOrDefault();
            if (lead is null) continue;
            var outstanding = ReportingPeriods.For(p.Programme)
                .Where(period => period.Due <= today.AddDays(DaysAhead))
                .Where(period => mine.FirstOrDefault(r => r.PeriodStart == period.Start) is not { } r || r.Status is ReturnStatus.Draft or ReturnStatus.Returned)
                .ToList();
            if (outstanding.Count == 0) continue;
            var lines = outstanding.Select(o => $"- {o.Name}: {(o.Due < today ? "overdue since" : "due on")} {Format.Date(o.Due)}");
            messages.Add(new EmailMessage(lead, $"Returns due: {p.Trust.Name}, {p.Programme.Name}",
                $"These {p.Programme.Name} returns for {p.Trust.Name} are overdue or due within {DaysAhead} days:\n\n{string.Join("\n", lines)}\n\nOpen the trust page: /exemplars/trusts/{p.Trust.OdsCode}\n"));
        }
        if (messages.Count > 0) await outbox.SaveChangesWithEmailAsync(db, messages, cancellationToken);
        return messages.Count;
    }
}
