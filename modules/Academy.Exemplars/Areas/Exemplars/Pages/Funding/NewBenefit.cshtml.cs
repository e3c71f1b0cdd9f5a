using Academy.Theme.Nhs.Forms;
using Academy.Exemplars.Data;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Funding;

/// A trust lead declares a benefit the programme will deliver, measured in later returns.
[Authorize(Policy = ExemplarAccess.TrackerPolicy)]
public sealed class NewBenefitModel(ExemplarsDbContext db) : PageModel
{
    [BindProperty, MaxChars(200, "The benefit")] public string? Name { get; set; }
    [BindProperty, MaxChars(50, "The unit")] public string? Unit { get; set; }
    public Participation Participation { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        await this.ThrowIfInvalidAsync(new Validator(), cancellationToken);
        db.Benefits.Add(new Benefit { ParticipationId = id, Name = Name!.Trim(), Unit = Unit!.Trim() });
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Trusts/Trust", new { odsCode = Participation.Trust.OdsCode });
    }

    public sealed class Validator : AbstractValidator<NewBenefitModel>
    {
        public Validator()
        {
            RuleFor(p => p.Name).NotEmpty().WithMessage("Enter the benefit");
            RuleFor(p => p.Unit).NotEmpty().WithMessage("Enter the unit it is measured in");
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var p = await db.Participations.AsNoTracking().Include(x => x.Trust).SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (p is null || !User.CanWrite(p.Trust)) return false;
        Participation = p;
        return true;
    }
}
