using Academy.Exemplars.Data;
using Academy.Exemplars.Funding;
using Academy.Exemplars.Programmes;
using Academy.Exemplars.Reporting;
using Academy.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Trusts;

[Authorize(Policy = ExemplarAccess.TrackerPolicy)]
public sealed class TrustModel(ExemplarsDbContext db, IStaffDirectory staff, WorkforceSkillsReader workforce, TimeProvider clock) : PageModel
{
    public Trust Trust { get; private set; } = default!;
    public IReadOnlyList<ParticipationView> Participations { get; private set; } = [];
    public bool CanWrite { get; private set; }
    /// Trust leads belong to the trust, so every participation of the trust has the same ones.
    public IReadOnlyList<StaffMember> Leads { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public WorkforceSkills Workforce { get; private set; } = default!;

    public sealed record ParticipationView(Participation Participation, FundingSummary Funding, IReadOnlyList<Milestone> Milestones,
        IReadOnlyList<(ReportingPeriod Period, ProgressReturn? Return)> Returns, IReadOnlyList<Claim> Claims, IReadOnlyList<Instalment> Instalments);

    public async Task<IActionResult> OnGetAsync(string odsCode, CancellationToken cancellationToken)
    {
        var trust = await db.Trusts.AsNoTracking().SingleOrDefaultAsync(t => t.OdsCode == odsCode, cancellationToken);
        if (trust is null || !User.CanRead(trust)) return NotFound();
        Trust = trust;
        CanWrite = User.CanWrite(trust);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Leads = await staff.InRoleAsync(Roles.TrustLead, trust.OdsCode, cancellationToken);
        Workforce = await workforce.ForTrustAsync(trust.OdsCode, cancellationToken);

        var participations = await db.Participations.AsNoTracking().Where(p => p.TrustId == trust.Id)
            .Include(p => p.Programme).Include(p => p.PairedWith!).ThenInclude(p => p.Trust).Include(p => p.Followers).ThenInclude(f => f.Trust)
            .Include(p => p.Milestones).ThenInclude(m => m.Evidence)
            .AsSplitQuery().ToListAsync(cancellationToken);
        var views = new List<ParticipationView>();
        foreach (var p in participations.OrderBy(p => p.Programme.StartDate))
        {
            var returns = await db.Returns.AsNoTracking().Where(r => r.ParticipationId == p.Id).ToListAsync(cancellationToken);
            var claims = await db.Claims.AsNoTracking().Include(c => c.Milestone).Where(c => c.ParticipationId == p.Id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
            var instalments = await db.Instalments.AsNoTracking().Include(i => i.Milestone).Where(i => i.ParticipationId == p.Id).OrderBy(i => i.Id).ToListAsync(cancellationToken);
            var periods = ReportingPeriods.For(p.Programme).Where(x => x.Start <= Today)
                .Select(x => (x, returns.FirstOrDefault(r => r.PeriodStart == x.Start))).ToList();
            views.Add(new ParticipationView(p, FundingSummary.Of(p, instalments, claims, returns),
                p.Milestones.OrderBy(m => m.BaselineDate).ThenBy(m => m.Id).ToList(), periods, claims, instalments));
        }
        Participations = views;
        return Page();
    }
}
