using System.Security.Claims;
using Academy.Exemplars.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Returns;

public static class ReturnAccess
{
    /// The return with its participation, trust and programme, or null when it does not exist or the person may not read it.
    public static async Task<ProgressReturn?> FindReadableAsync(this ExemplarsDbContext db, ClaimsPrincipal user, int id, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = db.Returns.Include(r => r.Participation).ThenInclude(p => p.Trust).Include(r => r.Participation).ThenInclude(p => p.Programme).AsQueryable();
        if (!tracked) query = query.AsNoTracking();
        var found = await query.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return found is not null && Tracking.ExemplarAccess.CanRead(user, found.Participation.Trust) ? found : null;
    }

    public static bool IsEditable(this ProgressReturn r) => r.Status is ReturnStatus.Draft or ReturnStatus.Returned;
}
