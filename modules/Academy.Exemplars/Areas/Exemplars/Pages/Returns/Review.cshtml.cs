using Academy.Theme.Nhs.Forms;
using Academy.Exemplars.Data;
using Academy.Exemplars.Returns;
using Academy.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Exemplars.Pages.Returns;

[Authorize(Policy = Policies.NationalReviewer)]
public sealed class ReviewReturnModel(ExemplarsDbContext db, IEmailOutbox outbox, ReturnNotices notices, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Decision { get; set; }
    [BindProperty, MaxChars(4000, "The comment")] public string? Comment { get; set; }
    public ProgressReturn Return { get; private set; } = default!;

    public static readonly IReadOnlyList<(string, string)> Options = [("Approve", "Approve the return"), ("Return", "Return it to the trust for changes")];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } problem) return problem;
        if (Decision is not ("Approve" or "Return")) ModelState.AddModelError(nameof(Decision), "Select whether to approve the return or return it");
        if (Decision == "Return" && string.IsNullOrWhiteSpace(Comment)) ModelState.AddModelError(nameof(Comment), "Enter a comment saying what the trust should change");
        if (!ModelState.IsValid) return Page();

        ReturnRules.Decide(Return, Decision == "Approve", Comment, User.Email(), clock.GetUtcNow());
        await outbox.SaveChangesWithEmailAsync(db, await notices.DecidedAsync(Return, cancellationToken), cancellationToken);
        return RedirectToPage("/Returns/Return", new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        // The whole return, so that the reviewer reads it beside the decision form.
        var found = await db.FindWholeReturnAsync(User, id, cancellationToken, tracked: true);
        if (found is null) return NotFound();
        if (found.Status != ReturnStatus.Submitted) return ClosedReturn.Show(id);
        Return = found;
        return null;
    }
}
