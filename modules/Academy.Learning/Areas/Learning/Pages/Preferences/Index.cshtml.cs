using Academy.Learning.Packages;
using Academy.Theme.Nhs.Forms;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Learning.Pages.Preferences;

/// The learner's cmi5 learner preferences (issue 10 §3, cmi5 section 11): languages in order and sound on or off,
/// written into the LRS as the cmi5LearnerPreferences agent profile before each unit is launched. The rules are
/// LearnerPreferences'.
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(LearnerPreferences preferences) : PageModel
{
    [BindProperty] public string? LanguagePreference { get; set; }
    [BindProperty] public string? AudioPreference { get; set; }
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        var row = await preferences.ForAsync(User.UserId()!, cancellationToken);
        (LanguagePreference, AudioPreference, Saved) = (row?.LanguagePreference, row?.AudioPreference ?? "none", saved);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await this.ThrowIfInvalidAsync(new Validator(), cancellationToken);
        var errors = await preferences.SaveAsync(User.UserId()!, LanguagePreference, AudioPreference, cancellationToken);
        if (errors.Count == 0) return RedirectToPage(new { saved = true });
        throw errors.Refused();
    }

    public sealed class Validator : AbstractValidator<IndexModel>
    {
        public Validator() => this.RuleErrors(p => LearnerPreferences.Check(p.LanguagePreference, p.AudioPreference).Errors);
    }
}
