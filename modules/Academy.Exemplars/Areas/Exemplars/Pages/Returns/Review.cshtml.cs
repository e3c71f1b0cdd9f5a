using Academy.Theme.Nhs.Forms;
using Academy.Exemplars.Data;
using Academy.Exemplars.Returns;
using Academy.Notifications;
using FluentValidation;
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
        await this.ThrowIfInvalidAsync(new Validator(), cancellationToken);

        ReturnRules.Decide(Return, Decision == "Approve", Comment, User.Email(), clock.GetUtcNow());
        await outbox.SaveChangesWithEmailAsync(db, await notices.DecidedAsync(Return, cancellationToken), cancellationToken);
        return RedirectToPage("/Returns/Return", new { id });
    }

    public sealed class Validator : AbstractValidator<ReviewReturnModel>
    {
        public Validator()
        {
            RuleFor(p => p.Decision).Must(d => d is "Approve" or "Return").WithMessage("Select whether to approve the return or return it");
            When(p => p.Decision == "Return", () => RuleFor(p => p.Comment).NotEmpty().WithMessage("Enter a comment saying what the trust should change"));
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        // The whole return, so that the reviewer reads it beside the decision form.
        var found = await db.FindWholeReturnAsync(User, id, cancellationToken, tracked: true);
        if (found is null) return NotFound();
        if (!found.AwaitsReview()) return ClosedReturn.Show(id);
        Return = found;
        return null;
    }
}
