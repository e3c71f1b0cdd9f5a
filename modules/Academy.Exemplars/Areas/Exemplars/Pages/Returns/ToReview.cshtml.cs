using Academy.Exemplars.Data;
using Academy.Exemplars.Returns;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Exemplars.Pages.Returns;

[Authorize(Policy = Policies.NationalReviewer)]
public sealed class ToReviewModel(ExemplarsDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ReturnToReview> Returns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Returns = await ReviewQueue.ListAsync(db, clock.GetUtcNow(), cancellationToken);
}
