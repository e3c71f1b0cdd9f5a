using Academy.Exemplars.Data;
using Academy.Modules;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars;

internal sealed class TrustDirectory(ExemplarsDbContext db) : ITrustDirectory
{
    public async Task<IReadOnlyList<TrustSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Trusts.AsNoTracking().OrderBy(t => t.Name).Select(t => new TrustSummary(t.OdsCode, t.Name)).ToListAsync(cancellationToken);
}
