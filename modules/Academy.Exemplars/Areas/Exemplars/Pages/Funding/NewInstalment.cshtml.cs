using Academy.Theme.Nhs.Forms;
using Academy.Exemplars.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Funding;

/// An administrator plans the allocation in instalments: upfront, or released when a milestone is achieved.
[Authorize(Policy = Policies.Administrator)]
public sealed class NewInstalmentModel(ExemplarsDbContext db) : PageModel
{
    [BindProperty, MaxChars(500, "The description")] public string? Description { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? MilestoneId { get; set; }
    public Participation Participation { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> MilestoneOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (string.IsNullOrWhiteSpace(Description)) ModelState.AddModelError(nameof(Description), "Enter a description");
        var amount = Input.Money(ModelState, nameof(Amount), Amount, "the amount");
        if (amount == 0) ModelState.AddModelError(nameof(Amount), "Enter an amount more than £0.00");
        var planned = await db.Instalments.Where(i => i.ParticipationId == id).SumAsync(i => i.Amount, cancellationToken);
        if (amount is { } a && planned + a > Participation.Allocation)
            ModelState.AddModelError(nameof(Amount), $"Instalments cannot add up to more than the allocation of {Format.Money(Participation.Allocation)} ({Format.Money(planned)} planned already)");
        int? milestoneId = null;
        if (!string.IsNullOrEmpty(MilestoneId))
        {
            if (int.TryParse(MilestoneId, out var mid) && MilestoneOptions.Any(o => o.Value == MilestoneId)) milestoneId = mid;
            else ModelState.AddModelError(nameof(MilestoneId), "Select a milestone from the list");
        }
        if (!ModelState.IsValid) return Page();

        db.Instalments.Add(new Instalment { ParticipationId = id, Description = Description!.Trim(), Amount = amount!.Value, MilestoneId = milestoneId });
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Trusts/Trust", new { odsCode = Participation.Trust.OdsCode });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var p = await db.Participations.AsNoTracking().Include(x => x.Trust).SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (p is null) return false;
        Participation = p;
        MilestoneOptions = [new("Upfront (no milestone)", ""), .. await db.Milestones.AsNoTracking().Where(m => m.ParticipationId == id)
            .OrderBy(m => m.BaselineDate).Select(m => new SelectListItem(m.Title, m.Id.ToString())).ToListAsync(cancellationToken)];
        return true;
    }
}
