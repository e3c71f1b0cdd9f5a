using System.Globalization;
using Academy.Exemplars.Data;
using Academy.Exemplars.Returns;
using Academy.Theme.Nhs.Forms;
using FluentValidation;
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
        await this.ThrowIfInvalidAsync(new Validator(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), cancellationToken);

        var measurement = Existing ?? Db.BenefitMeasurements.Add(new BenefitMeasurement { ReturnId = id, ParticipationId = Return.ParticipationId }).Entity;
        (measurement.BenefitId, measurement.Value, measurement.MeasuredOn) = (int.Parse(BenefitId!, CultureInfo.InvariantCulture), ParsedValue!.Value, Input.ParseDate(MeasuredOn, MeasuredOnName).Date!.Value);
        await Db.SaveChangesAsync(cancellationToken);
        return BackToReturn(id);
    }

    private const string MeasuredOnName = "the date measured";

    private decimal? ParsedValue =>
        decimal.TryParse(Value?.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && decimal.Round(value, 2) == value ? value : null;

    public sealed class Validator : AbstractValidator<MeasurementModel>
    {
        public Validator(DateOnly today)
        {
            RuleFor(p => p.BenefitId).Must((p, id) => int.TryParse(id, out _) && p.BenefitOptions.Any(o => o.Value == id)).WithMessage("Select a benefit from the list");
            RuleFor(p => p.ParsedValue).NotNull().WithMessage("Enter the value as a number, with up to 2 decimal places").OverridePropertyName(nameof(Value));
            RuleFor(p => p.MeasuredOn).Custom((text, context) =>
            {
                var (measuredOn, problem) = Input.ParseDate(text, MeasuredOnName);
                if ((problem ?? (measuredOn > today ? "The date measured must be today or in the past" : null)) is { } message) context.AddFailure(message);
            });
        }
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
