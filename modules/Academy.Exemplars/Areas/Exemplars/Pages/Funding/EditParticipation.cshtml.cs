using Microsoft.AspNetCore.Http;
using Academy.Theme.Nhs.Forms;
using Academy.Exemplars.Data;
using Academy.Exemplars.Funding;
using FluentValidation;
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
        await this.ThrowIfInvalidAsync(new Validator(), cancellationToken, StatusCodes.Status200OK);

        // The version the form was read at: a change made meanwhile (a claim approved) is not overwritten.
        db.Entry(p).Property(x => x.Version).OriginalValue = Version;
        p.Allocation = Input.ParseMoney(Allocation, AllocationName).Amount!.Value;
        p.LocalMatchedFunding = Input.ParseMoney(LocalMatchedFunding, LocalName, required: false).Amount ?? 0;
        p.PartnerOrganisation = string.IsNullOrWhiteSpace(PartnerOrganisation) ? null : PartnerOrganisation.Trim();
        p.MaturityTarget = MaturityTarget?.Trim() ?? "";
        p.RoadmapMarkdown = Roadmap ?? "";
        p.PairedWithId = string.IsNullOrEmpty(PairedWithId) ? null : int.Parse(PairedWithId, Format.EnGb);
        p.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw FormValidation.Problem(nameof(Allocation), "Someone else changed the funding of this participation while you were editing: check the figures and save again");
        }
        return RedirectToPage("/Trusts/Trust", new { odsCode = p.Trust.OdsCode });
    }

    private const string AllocationName = "the allocation", LocalName = "the local matched funding";

    public sealed class Validator : AbstractValidator<EditParticipationModel>
    {
        public Validator()
        {
            RuleFor(p => p.Allocation).Custom((text, context) =>
            {
                var p = context.InstanceToValidate.Participation;
                var (amount, problem) = Input.ParseMoney(text, AllocationName);
                if ((problem ?? FundingRules.AllocationProblem(p.Programme, amount!.Value, p.ApprovedClaimsTotal)) is { } message) context.AddFailure(message);
            });
            RuleFor(p => p.PartnerOrganisation).Custom((partner, context) =>
            {
                if (FundingRules.PartnerProblem(context.InstanceToValidate.Participation.Programme, partner) is { } message) context.AddFailure(message);
            });
            RuleFor(p => p.LocalMatchedFunding).Custom((text, context) =>
            {
                if (Input.ParseMoney(text, LocalName, required: false).Problem is { } message) context.AddFailure(message);
            });
            // Only the global exemplars offered can be chosen; any other id was not chosen from this form.
            RuleFor(p => p.PairedWithId).Must((p, id) => string.IsNullOrEmpty(id) || (int.TryParse(id, out _) && p.PairingOptions.Any(o => o.Value == id)))
                .WithMessage("Select a global exemplar from the list");
        }
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
