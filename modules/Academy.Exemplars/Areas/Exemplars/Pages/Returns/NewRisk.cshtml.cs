using Academy.Theme.Nhs.Forms;
using Academy.Exemplars.Data;
using Academy.Exemplars.Tracking;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Academy.Exemplars.Pages.Returns;

[Authorize(Roles = ExemplarAccess.TrackerRoles)]
public sealed class NewRiskModel(ExemplarsDbContext db) : PageModel
{
    [BindProperty] public string? Kind { get; set; } = nameof(RiskKind.Risk);
    [BindProperty, MaxChars(2000, "The description")] public string? Description { get; set; }
    [BindProperty] public string? Likelihood { get; set; }
    [BindProperty] public string? Impact { get; set; }
    [BindProperty, MaxChars(200, "The owner")] public string? Owner { get; set; }
    [BindProperty, MaxChars(2000, "The mitigation")] public string? Mitigation { get; set; }
    public ProgressReturn Return { get; private set; } = default!;

    public static readonly IReadOnlyList<(string, string)> Kinds = [("Risk", "Risk (may happen)"), ("Issue", "Issue (has happened)")];
    public static readonly IReadOnlyList<SelectListItem> Scale = [new("Select a score", ""), .. Enumerable.Range(1, 5).Select(i => new SelectListItem(i.ToString(Format.EnGb), i.ToString(Format.EnGb)))];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } problem) return problem;
        var kindOk = Enum.TryParse<RiskKind>(Kind, out var kind) && Enum.IsDefined(kind);
        if (!kindOk) ModelState.AddModelError(nameof(Kind), "Select risk or issue");
        if (string.IsNullOrWhiteSpace(Description)) ModelState.AddModelError(nameof(Description), "Enter a description");
        var likelihood = Score(nameof(Likelihood), Likelihood, "Select a likelihood from 1 to 5");
        var impact = Score(nameof(Impact), Impact, "Select an impact from 1 to 5");
        if (string.IsNullOrWhiteSpace(Owner)) ModelState.AddModelError(nameof(Owner), "Enter the owner");
        if (string.IsNullOrWhiteSpace(Mitigation)) ModelState.AddModelError(nameof(Mitigation), "Enter the mitigation");
        if (!ModelState.IsValid) return Page();

        db.Risks.Add(new RiskIssue
        {
            ReturnId = id, ParticipationId = Return.ParticipationId, Kind = kind, Description = Description!.Trim(),
            Likelihood = likelihood, Impact = impact, Owner = Owner!.Trim(), Mitigation = Mitigation!.Trim(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/exemplars/returns/{id}");
    }

    private int Score(string key, string? value, string message)
    {
        if (int.TryParse(value, out var score) && score is >= 1 and <= 5) return score;
        ModelState.AddModelError(key, message);
        return 0;
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.FindReadableAsync(User, id, cancellationToken, tracked: true);
        if (found is null || !User.CanWrite(found.Participation.Trust)) return NotFound();
        if (!found.IsEditable()) return StatusCode(409);
        Return = found;
        return null;
    }
}
