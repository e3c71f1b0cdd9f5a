using Microsoft.AspNetCore.Http;
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

/// A risk or issue of a return: added at /risks/new, changed or removed at /risks/{itemId} while the return can be changed.
[Authorize(Policy = ExemplarAccess.TrackerPolicy)]
public sealed class RiskModel(ExemplarsDbContext db) : ReturnItemPage<RiskIssue>(db, "risks")
{
    [BindProperty] public string? Kind { get; set; } = nameof(RiskKind.Risk);
    [BindProperty, MaxChars(2000, "The description")] public string? Description { get; set; }
    [BindProperty] public string? Likelihood { get; set; }
    [BindProperty] public string? Impact { get; set; }
    [BindProperty, MaxChars(200, "The owner")] public string? Owner { get; set; }
    [BindProperty, MaxChars(2000, "The mitigation")] public string? Mitigation { get; set; }

    public static readonly IReadOnlyList<(string, string)> Kinds = [("Risk", "Risk (may happen)"), ("Issue", "Issue (has happened)")];
    public static readonly IReadOnlyList<SelectListItem> Scale = [new("Select a score", ""), .. Enumerable.Range(1, 5).Select(i => new SelectListItem(i.ToString(Format.EnGb), i.ToString(Format.EnGb)))];

    public async Task<IActionResult> OnGetAsync(int id, int? itemId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, itemId, cancellationToken) is { } problem) return problem;
        if (Existing is { } x)
            (Kind, Description, Likelihood, Impact, Owner, Mitigation) = (x.Kind.ToString(), x.Description, x.Likelihood.ToString(Format.EnGb), x.Impact.ToString(Format.EnGb), x.Owner, x.Mitigation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? itemId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, itemId, cancellationToken) is { } problem) return problem;
        await this.ThrowIfInvalidAsync(new Validator(), cancellationToken, StatusCodes.Status200OK);

        var risk = Existing ?? Db.Risks.Add(new RiskIssue { ReturnId = id, ParticipationId = Return.ParticipationId }).Entity;
        (risk.Kind, risk.Description, risk.Likelihood, risk.Impact, risk.Owner, risk.Mitigation) = (Enum.Parse<RiskKind>(Kind!), Description!.Trim(), Score(Likelihood)!.Value, Score(Impact)!.Value, Owner!.Trim(), Mitigation!.Trim());
        await Db.SaveChangesAsync(cancellationToken);
        return BackToReturn(id);
    }

    private static int? Score(string? value) => int.TryParse(value, out var score) && score is >= 1 and <= 5 ? score : null;

    public sealed class Validator : AbstractValidator<RiskModel>
    {
        public Validator()
        {
            RuleFor(p => p.Kind).Must(k => Enum.TryParse<RiskKind>(k, out var kind) && Enum.IsDefined(kind)).WithMessage("Select risk or issue");
            RuleFor(p => p.Description).NotEmpty().WithMessage("Enter a description");
            RuleFor(p => p.Likelihood).Must(v => Score(v) is not null).WithMessage("Select a likelihood from 1 to 5");
            RuleFor(p => p.Impact).Must(v => Score(v) is not null).WithMessage("Select an impact from 1 to 5");
            RuleFor(p => p.Owner).NotEmpty().WithMessage("Enter the owner");
            RuleFor(p => p.Mitigation).NotEmpty().WithMessage("Enter the mitigation");
        }
    }
}
