using Academy.Learning.Certificates;
using Academy.Learning.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Learning.Pages.Certificates;

[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(LearningDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(Certificate Certificate, CertificateStatus Status)> Certificates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Certificates = (await db.ForLearnerAsync(User.UserId()!, cancellationToken)).Select(c => (c, c.StatusAt(now))).ToList();
    }
}
