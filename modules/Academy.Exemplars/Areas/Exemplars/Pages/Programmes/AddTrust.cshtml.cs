using Academy.Exemplars.Data;
using Academy.Exemplars.Funding;
using Academy.Exemplars.Programmes;
using Academy.Theme.Nhs.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Programmes;

/// An administrator adds a trust to a programme: one the site knows already, or a new one by its ODS code, name
/// and region; with its allocation and, where the programme asks for one, its international partner.
[Authorize(Policy = Policies.Administrator)]
public sealed class AddTrustModel(ExemplarsDbContext db) : PageModel
{
    /// The ODS code of a trust the site knows, or "" for a new one.
    [BindProperty] public string? TrustOdsCode { get; set; }
    [BindProperty, MaxChars(5, "The ODS code")] public string? NewOdsCode { get; set; }
    [BindProperty, MaxChars(200, "The name")] public string? NewName { get; set; }
    [BindProperty, MaxChars(100, "The region")] public string? NewRegion { get; set; }
    [BindProperty] public string? Allocation { get; set; }
    [BindProperty, MaxChars(200, "The partner")] public string? PartnerOrganisation { get; set; }
    [BindProperty(SupportsGet = true)] public bool Created { get; set; }

    public Programme Programme { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> TrustOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Created = false;
        Trust? trust = null;
        var newOds = NewOdsCode?.Trim().ToUpperInvariant() ?? "";
        if (!string.IsNullOrEmpty(TrustOdsCode))
        {
            if (TrustOptions.All(o => o.Value != TrustOdsCode)) ModelState.AddModelError(nameof(TrustOdsCode), "Select a trust from the list");
            else trust = await db.Trusts.SingleAsync(t => t.OdsCode == TrustOdsCode, cancellationToken);
        }
        else
        {
            if (newOds.Length == 0) ModelState.AddModelError(nameof(NewOdsCode), "Select a trust from the list, or enter the ODS code of a new one");
            else if (!ProgrammeRules.OdsCodePattern().IsMatch(newOds)) ModelState.AddModelError(nameof(NewOdsCode), "Enter an ODS code of 3 to 5 letters and numbers, like RTH");
            else if (await db.Trusts.AnyAsync(t => t.OdsCode == newOds, cancellationToken))
                ModelState.AddModelError(nameof(NewOdsCode), $"A trust with the ODS code {newOds} is already on the site: select it from the list");
            if (string.IsNullOrWhiteSpace(NewName)) ModelState.AddModelError(nameof(NewName), "Enter the name of the trust");
            if (string.IsNullOrWhiteSpace(NewRegion)) ModelState.AddModelError(nameof(NewRegion), "Enter the region of the trust");
        }
        var allocation = Input.Money(ModelState, nameof(Allocation), Allocation, "the allocation");
        if (allocation is { } amount && FundingRules.AllocationProblem(Programme, amount) is { } overCap) ModelState.AddModelError(nameof(Allocation), overCap);
        if (FundingRules.PartnerProblem(Programme, PartnerOrganisation) is { } noPartner) ModelState.AddModelError(nameof(PartnerOrganisation), noPartner);
        if (!ModelState.IsValid) return Page();

        trust ??= db.Trusts.Add(new Trust { OdsCode = newOds, Name = NewName!.Trim(), Region = NewRegion!.Trim() }).Entity;
        db.Participations.Add(new Participation
        {
            ProgrammeId = Programme.Id, Trust = trust, Allocation = allocation!.Value,
            PartnerOrganisation = string.IsNullOrWhiteSpace(PartnerOrganisation) ? null : PartnerOrganisation.Trim(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator added the same trust (or the same new ODS code) a moment ago: nothing was saved.
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError(string.IsNullOrEmpty(TrustOdsCode) ? nameof(NewOdsCode) : nameof(TrustOdsCode), "This trust was added meanwhile: check the programme's trusts");
            return Page();
        }
        return RedirectToPage("/Trusts/Trust", new { odsCode = trust.OdsCode });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (programme is null) return false;
        Programme = programme;
        var available = await db.Trusts.AsNoTracking().Where(t => !t.Participations.Any(p => p.ProgrammeId == id))
            .OrderBy(t => t.Name).Select(t => new { t.OdsCode, t.Name }).ToListAsync(cancellationToken);
        TrustOptions = [new("A new trust (enter its details below)", ""), .. available.Select(t => new SelectListItem($"{t.Name} ({t.OdsCode})", t.OdsCode))];
        return true;
    }
}
