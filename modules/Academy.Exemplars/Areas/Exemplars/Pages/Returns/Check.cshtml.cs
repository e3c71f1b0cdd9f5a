using Academy.Exemplars.Data;
using Academy.Exemplars.Returns;
using Academy.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Exemplars.Pages.Returns;

/// "Check your answers": the whole return with a change link for each part, then submitting it. Submitting
/// applies its milestone updates to the milestones and tells the reviewers, in one transaction.
[Authorize(Policy = ExemplarAccess.TrackerPolicy)]
public sealed class CheckReturnModel(ExemplarsDbContext db, IEmailOutbox outbox, ReturnNotices notices, TimeProvider clock) : PageModel
{
    public ProgressReturn Return { get; private set; } = default!;
    public IReadOnlyList<(string Field, string Message)> Missing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } problem) return problem;
        if (Missing.Count > 0)
        {
            // Each error links to the field on the change page that mends it. Not a form's input (the page posts none) but the
            // return's state, several form-wide messages at once: a validator's one message per field would keep the first only.
            foreach (var (_, message) in Missing) ModelState.AddModelError("", message);
            return Page();
        }
        ReturnRules.Submit(Return, User.Email(), clock.GetUtcNow());
        await outbox.SaveChangesWithEmailAsync(db, await notices.SubmittedAsync(Return, cancellationToken), cancellationToken);
        return RedirectToPage("/Returns/Submitted", new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var (found, closed) = await db.FindChangeableReturnAsync(User, id, cancellationToken);
        if (found is null) return NotFound();
        if (closed) return ClosedReturn.Show(id);
        Return = (await db.FindWholeReturnAsync(User, id, cancellationToken, tracked: true))!;
        Missing = ReturnRules.MissingForSubmission(Return);
        return null;
    }
}
