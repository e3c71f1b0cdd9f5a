using Microsoft.AspNetCore.Http;
using System.Linq.Expressions;
using Academy.Theme.Nhs.Forms;
using Academy.Exemplars.Data;
using Academy.Exemplars.Funding;
using Academy.Exemplars.Returns;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Pages.Returns;

[Authorize(Policy = ExemplarAccess.TrackerPolicy)]
public sealed class EditReturnModel(ExemplarsDbContext db) : PageModel
{
    public sealed class ReturnForm
    {
        [MaxChars(20000, "The progress narrative")] public string? Narrative { get; set; }
        public string? TimeRag { get; set; }
        [MaxChars(2000, "The comment on time")] public string? TimeComment { get; set; }
        public string? BudgetRag { get; set; }
        [MaxChars(2000, "The comment on budget")] public string? BudgetComment { get; set; }
        public string? ScopeQualityRag { get; set; }
        [MaxChars(2000, "The comment on scope and quality")] public string? ScopeQualityComment { get; set; }
        public string? RiskRag { get; set; }
        [MaxChars(2000, "The comment on risk")] public string? RiskComment { get; set; }
        public string? BenefitsRag { get; set; }
        [MaxChars(2000, "The comment on benefits")] public string? BenefitsComment { get; set; }
        public string? DeliveryConfidence { get; set; }
        public string? NationalSpend { get; set; }
        public string? LocalSpend { get; set; }
    }

    [BindProperty] public ReturnForm Form { get; set; } = new();
    public ProgressReturn Return { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } problem) return problem;
        var r = Return;
        Form = new ReturnForm
        {
            Narrative = r.NarrativeMarkdown, TimeRag = r.TimeRag?.ToString(), TimeComment = r.TimeComment, BudgetRag = r.BudgetRag?.ToString(), BudgetComment = r.BudgetComment,
            ScopeQualityRag = r.ScopeQualityRag?.ToString(), ScopeQualityComment = r.ScopeQualityComment, RiskRag = r.RiskRag?.ToString(), RiskComment = r.RiskComment,
            BenefitsRag = r.BenefitsRag?.ToString(), BenefitsComment = r.BenefitsComment, DeliveryConfidence = r.DeliveryConfidence?.ToString(),
            NationalSpend = Input.Amount(r.NationalSpend), LocalSpend = Input.Amount(r.LocalSpend),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } problem) return problem;
        await this.ThrowIfInvalidAsync(new Validator(db), cancellationToken, StatusCodes.Status200OK);

        var r = Return;
        r.NarrativeMarkdown = Form.Narrative?.Trim() ?? "";
        (r.TimeRag, r.TimeComment) = (Rating(Form.TimeRag), Form.TimeComment?.Trim() ?? "");
        (r.BudgetRag, r.BudgetComment) = (Rating(Form.BudgetRag), Form.BudgetComment?.Trim() ?? "");
        (r.ScopeQualityRag, r.ScopeQualityComment) = (Rating(Form.ScopeQualityRag), Form.ScopeQualityComment?.Trim() ?? "");
        (r.RiskRag, r.RiskComment) = (Rating(Form.RiskRag), Form.RiskComment?.Trim() ?? "");
        (r.BenefitsRag, r.BenefitsComment) = (Rating(Form.BenefitsRag), Form.BenefitsComment?.Trim() ?? "");
        r.DeliveryConfidence = Rating(Form.DeliveryConfidence);
        r.NationalSpend = Input.ParseMoney(Form.NationalSpend, NationalName, required: false).Amount ?? 0;
        r.LocalSpend = Input.ParseMoney(Form.LocalSpend, LocalName, required: false).Amount ?? 0;
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Returns/Return", new { id });
    }

    private const string NationalName = "the national funding spent", LocalName = "the local funding spent";

    /// Every rating may be left out until the return is submitted (ReturnRules.MissingForSubmission).
    private static Rag? Rating(string? value) => Enum.TryParse<Rag>(value, out var rag) && Enum.IsDefined(rag) ? rag : null;

    public sealed class Validator : AbstractValidator<EditReturnModel>
    {
        public Validator(ExemplarsDbContext db)
        {
            foreach (var rating in new Expression<Func<EditReturnModel, string?>>[]
                { p => p.Form.TimeRag, p => p.Form.BudgetRag, p => p.Form.ScopeQualityRag, p => p.Form.RiskRag, p => p.Form.BenefitsRag, p => p.Form.DeliveryConfidence })
                RuleFor(rating).Must(value => string.IsNullOrEmpty(value) || Rating(value) is not null).WithMessage("Select green, amber or red");
            RuleFor(p => p.Form.NationalSpend).CustomAsync(async (text, context, cancellationToken) =>
            {
                var (spent, problem) = Input.ParseMoney(text, NationalName, required: false);
                if ((problem ?? await FundingRules.NationalSpendProblemAsync(db, context.InstanceToValidate.Return, spent!.Value, cancellationToken)) is { } message)
                    context.AddFailure(message);
            });
            RuleFor(p => p.Form.LocalSpend).Custom((text, context) =>
            {
                if (Input.ParseMoney(text, LocalName, required: false).Problem is { } message) context.AddFailure(message);
            });
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var (found, closed) = await db.FindChangeableReturnAsync(User, id, cancellationToken);
        if (found is null) return NotFound();
        if (closed) return ClosedReturn.Show(id);
        Return = found;
        return null;
    }
}
