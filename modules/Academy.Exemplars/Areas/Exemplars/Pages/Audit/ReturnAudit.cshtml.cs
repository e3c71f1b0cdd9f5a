using Academy.Exemplars.Audit;
using Academy.Exemplars.Data;
using Academy.Modules;
using Academy.Exemplars.Returns;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Audit;

[Authorize(Policy = ExemplarAccess.TrackerPolicy)]
public sealed class ReturnAuditModel(ExemplarsDbContext db, IStaffDirectory staff) : PageModel
{
    public ProgressReturn Return { get; private set; } = default!;
    public IReadOnlyList<AuditLine> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.FindReadableReturnAsync(User, id, cancellationToken);
        if (found is null) return NotFound();
        Return = found;
        Entries = await AuditWording.DescribeAsync(db, staff, await db.AuditEntries.AsNoTracking().Where(a => a.ReturnId == id).OrderByDescending(a => a.Id).ToListAsync(cancellationToken), cancellationToken);
        return Page();
    }
}
