using Academy.Learning.Data;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Learning.Pages.Manage;

/// The whole course as learners will see it, every lesson on one page, for its authors (a draft included).
/// Answers are marked and their feedback shown, so an author can check the quiz without taking it.
public sealed class PreviewModel(LearningDbContext db, TimeProvider clock) : AuthoringPage(db, clock)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();
}
