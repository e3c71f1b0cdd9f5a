using System.Globalization;
using Academy.Exemplars.Data;
using Academy.Exemplars.Tracking;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Returns;

/// A measurement (value, unit, date) against one of the participation's declared benefits.
[Authorize(Roles = ExemplarAccess.TrackerRoles)]
public sealed class NewMeasurementModel(ExemplarsDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public string? BenefitId { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public string? MeasuredOn { get; set; }
    public ProgressReturn Return { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> BenefitOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } problem) return problem;
        int? benefitId = int.TryParse(BenefitId, out var bid) && BenefitOptions.Any(o => o.Value == BenefitId) ? bid : null;
        if (benefitId is null) ModelState.AddModelError(nameof(BenefitId), "Select a benefit from the list");
        var valueOk = decimal.TryParse(Value?.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && decimal.Round(value, 2) == value;
        if (!valueOk) ModelState.AddModelError(nameof(Value), "Enter the value as a number, with up to 2 decimal places");
        var measuredOn = Input.Date(ModelState, nameof(MeasuredOn), MeasuredOn, "the date measured");
        if (measuredOn > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) ModelState.AddModelError(nameof(MeasuredOn), "The date measured must be today or in the past");
        if (!ModelState.IsValid) return Page();

        db.BenefitMeasurements.Add(new BenefitMeasurement { ReturnId = id, ParticipationId = Return.ParticipationId, BenefitId = benefitId!.Value, Value = value, MeasuredOn = measuredOn!.Value });
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/exemplars/returns/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.FindReadableAsync(User, id, cancellationToken, tracked: true);
        if (found is null || !User.CanWrite(found.Participation.Trust)) return NotFound();
        if (!found.IsEditable()) return StatusCode(409);
        Return = found;
        BenefitOptions = [new("Select a benefit", ""), .. await db.Benefits.AsNoTracking().Where(b => b.ParticipationId == found.ParticipationId).OrderBy(b => b.Name)
            .Select(b => new SelectListItem(b.Name + " (" + b.Unit + ")", b.Id.ToString())).ToListAsync(cancellationToken)];
        return null;
    }
}
