using Academy.Exemplars.Data;
using Academy.Exemplars.Programmes;
using Academy.Modules;
using Academy.Notifications;
using Academy.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Academy.Exemplars.Returns;

/// Reminds trust leads of returns due within 7 days and of overdue ones (not submitted, or returned and not resubmitted).
/// Scheduled daily by ExemplarsModule. Each run sends every trust lead of the participation's trust one message per
/// participation; a trust with no lead gets none, and the run logs it.
public sealed class ReturnReminderJob(ExemplarsDbContext db, IStaffDirectory staff, IEmailOutbox outbox, ISiteLinks links, TimeProvider clock, ILogger<ReturnReminderJob> logger)
{
    public const int DaysAhead = 7;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var participations = await db.Participations.AsNoTracking().Include(p => p.Programme).Include(p => p.Trust).ToListAsync(cancellationToken);
        var returns = (await db.Returns.AsNoTracking().Select(r => new { r.ParticipationId, r.PeriodStart, r.Status }).ToListAsync(cancellationToken))
            .ToLookup(r => r.ParticipationId);
        // Every lead of every trust in one query, rather than one per trust.
        var leads = (await staff.InRoleAsync(Roles.TrustLead, trustOdsCode: null, cancellationToken))
            .Where(l => l.TrustOdsCode is not null).ToLookup(l => l.TrustOdsCode!, StringComparer.OrdinalIgnoreCase);
        var messages = new List<EmailMessage>();
        // A programme that has ended asks nothing more of its trusts.
        foreach (var p in participations.Where(p => !Programmes.ProgrammeRules.IsClosed(p.Programme, today)))
        {
            var mine = returns[p.Id].ToList();
            var outstanding = ReportingPeriods.For(p.Programme)
                .Where(period => period.Due <= today.AddDays(DaysAhead))
                .Where(period => ReturnRules.IsOutstanding(mine.FirstOrDefault(r => r.PeriodStart == period.Start)?.Status))
                .ToList();
            if (outstanding.Count == 0) continue;
            if (!leads[p.Trust.OdsCode].Any())
            {
                logger.LogWarning("{Trust} ({OdsCode}) has {Count} {Programme} returns overdue or due soon but no trust lead to remind",
                    p.Trust.Name, p.Trust.OdsCode, outstanding.Count, p.Programme.Name);
                continue;
            }
            var lines = string.Join("\n", outstanding.Select(o => $"- {o.Name}: {(o.Due < today ? "overdue since" : "due on")} {Format.Date(o.Due)}"));
            messages.AddRange(leads[p.Trust.OdsCode].Select(lead => new EmailMessage(lead.Email, $"Returns due: {p.Trust.Name}, {p.Programme.Name}",
                $"Dear {lead.DisplayName},\n\nThese {p.Programme.Name} returns for {p.Trust.Name} are overdue or due within {DaysAhead} days:\n\n{lines}\n\nOpen the trust page: {links.ToPage("/Trusts/Trust", "Exemplars", new { odsCode = p.Trust.OdsCode })}\n")));
        }
        if (messages.Count > 0) await outbox.SaveChangesWithEmailAsync(db, messages, cancellationToken);
        return messages.Count;
    }
}
