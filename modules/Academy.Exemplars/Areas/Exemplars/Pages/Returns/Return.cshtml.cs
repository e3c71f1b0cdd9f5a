using Academy.Exemplars.Data;
using Academy.Exemplars.Returns;
using Academy.Exemplars.Tracking;
using Academy.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Returns;

[Authorize(Policy = ExemplarAccess.TrackerPolicy)]
public sealed class ReturnModel(ExemplarsDbContext db, IStaffDirectory staff) : PageModel
{
    public ProgressReturn Return { get; private set; } = default!;
    public bool CanEdit { get; private set; }
    public bool CanReview { get; private set; }
    /// Set when the person followed a link to a step the return has passed (see ClosedReturn).
    public string? WhatHappened { get; private set; }
    public IReadOnlyList<ReturnEvent> History { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(db, User, id, cancellationToken) is not { } found) return NotFound();
        Return = found;
        CanEdit = User.CanWrite(found.Participation.Trust) && found.IsEditable();
        CanReview = User.CanReview() && found.Status == ReturnStatus.Submitted;
        History = await ReturnHistory.ForAsync(db, id, cancellationToken);
        Names = await staff.NamesAsync(ReturnRules.People(found).Concat(History.Select(e => e.Actor)), cancellationToken);
        if (Request.Query.ContainsKey(ClosedReturn.Query)) WhatHappened = ReturnRules.WhatHappened(found, Names);
        return Page();
    }

    /// The return with everything a summary of it shows, or null when the person may not read it.
    public static async Task<ProgressReturn?> LoadAsync(ExemplarsDbContext db, System.Security.Claims.ClaimsPrincipal user, int id, CancellationToken cancellationToken, bool tracked = false)
    {
        if (await db.FindReadableReturnAsync(user, id, cancellationToken) is null) return null;
        var query = tracked ? db.Returns : db.Returns.AsNoTracking();
        return await query.Include(r => r.Participation).ThenInclude(p => p.Trust).Include(r => r.Participation).ThenInclude(p => p.Programme)
            .Include(r => r.MilestoneUpdates).ThenInclude(u => u.Milestone).Include(r => r.Risks).Include(r => r.Measurements).ThenInclude(m => m.Benefit)
            .AsSplitQuery().SingleAsync(r => r.Id == id, cancellationToken);
    }
}
