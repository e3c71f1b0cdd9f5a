using Academy.Learning.Cohorts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Learning.Pages.Cohorts;

/// A CCIO creates a cohort for their trust and runs it; its courses and people are added on its manage page.
[Authorize(Policy = Policies.Ccio)]
public sealed class NewCohortModel(CohortRules rules) : PageModel
{
    [BindProperty] public string? Name { get; set; }

    public IActionResult OnGet() => User.CcioTrust() is null ? Forbid() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.CcioTrust() is not { } trust) return Forbid();
        if (!ModelState.IsValid) return Page();
        var (cohort, errors) = await rules.CreateAsync(trust, User.UserId()!, Name, cancellationToken);
        foreach (var error in errors) ModelState.AddModelError(error.Field, error.Message);
        if (cohort is null) return Page();
        return RedirectToPage("/Cohorts/Manage", new { id = cohort.Id });
    }
}
