using Academy.Exemplars.Data;
using Academy.Exemplars.Milestones;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Milestones;

/// Serves an evidence file to people allowed to see its milestone, as a download (never rendered inline).
[Authorize(Policy = ExemplarAccess.TrackerPolicy)]
public sealed class EvidenceModel(ExemplarsDbContext db, EvidenceStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int fileId, CancellationToken cancellationToken)
    {
        var file = await db.EvidenceFiles.AsNoTracking().Include(e => e.Milestone).ThenInclude(m => m.Participation).ThenInclude(p => p.Trust)
            .SingleOrDefaultAsync(e => e.Id == fileId && e.MilestoneId == id, cancellationToken);
        if (file is null || !User.CanRead(file.Milestone.Participation.Trust)) return NotFound();
        var path = store.PathOf(id, file.StoredName);
        if (!System.IO.File.Exists(path)) return NotFound();
        return PhysicalFile(path, file.ContentType, EvidenceStore.SafeFileName(file.FileName));
    }
}
