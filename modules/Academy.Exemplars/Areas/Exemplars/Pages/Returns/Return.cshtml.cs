using Academy.Exemplars.Data;
using Academy.Exemplars.Returns;
using Academy.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
        if (await db.FindWholeReturnAsync(User, id, cancellationToken) is not { } found) return NotFound();
        Return = found;
        CanEdit = User.CanWrite(found.Participation.Trust) && found.IsEditable();
        CanReview = User.CanReview() && found.AwaitsReview();
        History = await ReturnHistory.ForAsync(db, id, cancellationToken);
        Names = await staff.NamesAsync(ReturnRules.People(found).Concat(History.Select(e => e.Actor)), cancellationToken);
        if (Request.Query.ContainsKey(ClosedReturn.Query)) WhatHappened = ReturnRules.WhatHappened(found, Names);
        return Page();
    }
}
