using System.Globalization;
using Academy.Exemplars.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages;

[Authorize(Policy = ExemplarAccess.TrackerPolicy)]
public sealed class ExemplarsIndexModel(ExemplarsDbContext db) : PageModel
{
    public CultureInfo EnGb { get; } = CultureInfo.GetCultureInfo("en-GB");
    public IReadOnlyList<Programme> Programmes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Programmes = await db.Programmes.AsNoTracking().Include(p => p.Participations).ThenInclude(p => p.Trust)
            .OrderBy(p => p.StartDate).ToListAsync(cancellationToken);
}
