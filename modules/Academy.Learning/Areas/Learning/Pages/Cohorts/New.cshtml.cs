using Academy.Learning.Cohorts;
using Academy.Theme.Nhs.Forms;
using FluentValidation;
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
        await this.ThrowIfInvalidAsync(new Validator(), cancellationToken);
        var (cohort, errors) = await rules.CreateAsync(trust, User.UserId()!, Name, cancellationToken);
        // The name is taken by another of the trust's cohorts, perhaps a moment ago.
        if (cohort is null) throw errors.Refused();
        return RedirectToPage("/Cohorts/Manage", new { id = cohort.Id });
    }

    public sealed class Validator : AbstractValidator<NewCohortModel>
    {
        public Validator() => this.RuleErrors(p => CohortRules.CheckName(p.Name));
    }
}
