using Academy.Exemplars.Audit;
using Academy.Exemplars.Data;
using Academy.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Audit;

[Authorize(Policy = ExemplarAccess.TrackerPolicy)]
public sealed class TrustAuditModel(ExemplarsDbContext db, IStaffDirectory staff) : PageModel
{
    public const int Shown = 1000;
    public Trust Trust { get; private set; } = default!;
    public IReadOnlyList<AuditLine> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string odsCode, CancellationToken cancellationToken)
    {
        var trust = await db.Trusts.AsNoTracking().SingleOrDefaultAsync(t => t.OdsCode == odsCode, cancellationToken);
        if (trust is null || !User.CanRead(trust)) return NotFound();
        Trust = trust;
        var participations = db.Participations.Where(p => p.TrustId == trust.Id).Select(p => (int?)p.Id);
        Entries = await AuditWording.DescribeAsync(db, staff, await db.AuditEntries.AsNoTracking().Where(a => participations.Contains(a.ParticipationId))
            .OrderByDescending(a => a.Id).Take(Shown).ToListAsync(cancellationToken), cancellationToken);
        return Page();
    }
}
