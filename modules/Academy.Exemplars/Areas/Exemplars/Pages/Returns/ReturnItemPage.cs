using Academy.Exemplars.Data;
using Academy.Exemplars.Returns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Returns;

/// A page for one item of a return (a milestone update, risk or measurement): added at .../new, changed or
/// removed at .../{itemId}, only while the return can be changed (ReturnRules.FindChangeableReturnAsync).
public abstract class ReturnItemPage<TItem>(ExemplarsDbContext db, string section) : PageModel where TItem : class, IReturnItem
{
    protected ExemplarsDbContext Db { get; } = db;
    public ProgressReturn Return { get; private set; } = default!;
    /// Null when adding one.
    public TItem? Existing { get; private set; }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int? itemId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, itemId, cancellationToken) is { } problem) return problem;
        if (Existing is null) return NotFound();
        Db.Remove(Existing);
        await Db.SaveChangesAsync(cancellationToken);
        return BackToReturn(id);
    }

    /// The return (tracked) and the item, or the answer to give instead: 404 for a return or item that is not the
    /// person's, the return with what happened to it for one that has moved on.
    protected virtual async Task<IActionResult?> LoadAsync(int id, int? itemId, CancellationToken cancellationToken)
    {
        var (found, closed) = await Db.FindChangeableReturnAsync(User, id, cancellationToken);
        if (found is null) return NotFound();
        if (closed) return ClosedReturn.Show(id);
        Return = found;
        if (itemId is { } key && (Existing = await Db.Set<TItem>().SingleOrDefaultAsync(x => x.Id == key && x.ReturnId == id, cancellationToken)) is null) return NotFound();
        return null;
    }

    protected IActionResult BackToReturn(int id) => RedirectToPage("/Returns/Return", null, new { id }, section);
}
