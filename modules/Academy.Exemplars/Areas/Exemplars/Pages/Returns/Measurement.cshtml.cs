using System.Globalization;
using Academy.Exemplars.Data;
using Academy.Exemplars.Returns;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Returns;

/// A measurement (value, unit, date) against one of the participation's declared benefits: added at
/// /measurements/new, changed or removed at /measurements/{itemId}.
[Authorize(Policy = ExemplarAccess.TrackerPolicy)]
public sealed class MeasurementModel(ExemplarsDbContext db, TimeProvider clock) : ReturnItemPage<BenefitMeasurement>(db, "measurements")
{
    [BindProperty] public string? BenefitId { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public string? MeasuredOn { get; set; }
    public IReadOnlyList<SelectListItem> BenefitOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? itemId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, itemId, cancellationToken) is { } problem) return problem;
        if (Existing is { } x) (BenefitId, Value, MeasuredOn) = (x.BenefitId.ToString(CultureInfo.InvariantCulture), x.Value.ToString(CultureInfo.InvariantCulture), Input.Iso(x.MeasuredOn));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? itemId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, itemId, cancellationToken) is { } problem) return problem;
        int? benefitId = int.TryParse(BenefitId, out var bid) && BenefitOptions.Any(o => o.Value == BenefitId) ? bid : null;
        if (benefitId is null) ModelState.AddModelError(nameof(BenefitId), "Select a benefit from the list");
        var valueOk = decimal.TryParse(Value?.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && decimal.Round(value, 2) == value;
        if (!valueOk) ModelState.AddModelError(nameof(Value), "Enter the value as a number, with up to 2 decimal places");
        var measuredOn = Input.Date(ModelState, nameof(MeasuredOn), MeasuredOn, "the date measured");
        if (measuredOn > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) ModelState.AddModelError(nameof(MeasuredOn), "The date measured must be today or in the past");
        if (!ModelState.IsValid) return Page();

        var measurement = Existing ?? Db.BenefitMeasurements.Add(new BenefitMeasurement { ReturnId = id, ParticipationId = Return.ParticipationId }).Entity;
        (measurement.BenefitId, measurement.Value, measurement.MeasuredOn) = (benefitId!.Value, value, measuredOn!.Value);
        await Db.SaveChangesAsync(cancellationToken);
        return BackToReturn(id);
    }

    protected override async Task<IActionResult?> LoadAsync(int id, int? itemId, CancellationToken cancellationToken)
    {
        if (await base.LoadAsync(id, itemId, cancellationToken) is { } problem) return problem;
        var found = Return;
        BenefitOptions = [new("Select a benefit", ""), .. await Db.Benefits.AsNoTracking().Where(b => b.ParticipationId == found.ParticipationId).OrderBy(b => b.Name)
            .Select(b => new SelectListItem(b.Name + " (" + b.Unit + ")", b.Id.ToString())).ToListAsync(cancellationToken)];
        return null;
    }
}
