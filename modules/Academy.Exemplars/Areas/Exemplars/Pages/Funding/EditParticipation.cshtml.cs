using Academy.Theme.Nhs.Forms;
using Academy.Exemplars.Data;
using Academy.Exemplars.Funding;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Funding;

/// An administrator sets a participation's allocation (never above the programme's cap), partner, target, roadmap and pairing.
[Authorize(Policy = Policies.Administrator)]
public sealed class EditParticipationModel(ExemplarsDbContext db) : PageModel
{
    [BindProperty] public string? Allocation { get; set; }
    [BindProperty] public string? LocalMatchedFunding { get; set; }
    [BindProperty, MaxChars(200, "The partner")] public string? PartnerOrganisation { get; set; }
    [BindProperty, MaxChars(200, "The maturity target")] public string? MaturityTarget { get; set; }
    [BindProperty, MaxChars(20000, "The roadmap")] public string? Roadmap { get; set; }
    [BindProperty] public string? PairedWithId { get; set; }
    [BindProperty] public int Version { get; set; }
    public Participation Participation { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> PairingOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var p = Participation;
        (Allocation, LocalMatchedFunding, PartnerOrganisation, MaturityTarget, Roadmap, PairedWithId, Version) =
            (Input.Amount(p.Allocation), Input.Amount(p.LocalMatchedFunding), p.PartnerOrganisation, p.MaturityTarget, p.RoadmapMarkdown, p.PairedWithId?.ToString(Format.EnGb), p.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var p = Participation;
        var allocation = Input.Money(ModelState, nameof(Allocation), Allocation, "the allocation");
        if (allocation is { } amount && FundingRules.AllocationProblem(p.Programme, amount, p.ApprovedClaimsTotal) is { } problem) ModelState.AddModelError(nameof(Allocation), problem);
        if (FundingRules.PartnerProblem(p.Programme, PartnerOrganisation) is { } noPartner) ModelState.AddModelError(nameof(PartnerOrganisation), noPartner);
        var local = Input.Money(ModelState, nameof(LocalMatchedFunding), LocalMatchedFunding, "the local matched funding", required: false);
        int? pairedWith = null;
        if (!string.IsNullOrEmpty(PairedWithId))
        {
            if (int.TryParse(PairedWithId, out var pid) && PairingOptions.Any(o => o.Value == PairedWithId)) pairedWith = pid;
            else ModelState.AddModelError(nameof(PairedWithId), "Select a global exemplar from the list");
        }
        if (!ModelState.IsValid) return Page();

        // The version the form was read at: a change made meanwhile (a claim approved) is not overwritten.
        db.Entry(p).Property(x => x.Version).OriginalValue = Version;
        p.Allocation = allocation!.Value;
        p.LocalMatchedFunding = local ?? 0;
        p.PartnerOrganisation = string.IsNullOrWhiteSpace(PartnerOrganisation) ? null : PartnerOrganisation.Trim();
        p.MaturityTarget = MaturityTarget?.Trim() ?? "";
        p.RoadmapMarkdown = Roadmap ?? "";
        p.PairedWithId = pairedWith;
        p.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(nameof(Allocation), "Someone else changed the funding of this participation while you were editing: check the figures and save again");
            return Page();
        }
        return RedirectToPage("/Trusts/Trust", new { odsCode = p.Trust.OdsCode });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var p = await db.Participations.Include(x => x.Programme).Include(x => x.Trust).SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (p is null) return false;
        Participation = p;
        PairingOptions = p.Programme.Kind != ProgrammeKind.NationalExemplar ? [] :
            [new("Not paired", ""), .. await db.Participations.AsNoTracking().Where(x => x.Programme.Kind == ProgrammeKind.GlobalDigitalExemplar)
                .OrderBy(x => x.Trust.Name).Select(x => new SelectListItem(x.Trust.Name, x.Id.ToString())).ToListAsync(cancellationToken)];
        return true;
    }
}
