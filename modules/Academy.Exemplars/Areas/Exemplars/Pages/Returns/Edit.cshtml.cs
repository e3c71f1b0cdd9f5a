using Academy.Theme.Nhs.Forms;
using Academy.Exemplars.Data;
using Academy.Exemplars.Funding;
using Academy.Exemplars.Returns;
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
        var time = Rating("Form.TimeRag", Form.TimeRag);
        var budget = Rating("Form.BudgetRag", Form.BudgetRag);
        var scope = Rating("Form.ScopeQualityRag", Form.ScopeQualityRag);
        var risk = Rating("Form.RiskRag", Form.RiskRag);
        var benefits = Rating("Form.BenefitsRag", Form.BenefitsRag);
        var confidence = Rating("Form.DeliveryConfidence", Form.DeliveryConfidence);
        var national = Input.Money(ModelState, "Form.NationalSpend", Form.NationalSpend, "the national funding spent", required: false);
        var local = Input.Money(ModelState, "Form.LocalSpend", Form.LocalSpend, "the local funding spent", required: false);
        if (national is { } spent && await FundingRules.NationalSpendProblemAsync(db, Return, spent, cancellationToken) is { } overspent)
            ModelState.AddModelError("Form.NationalSpend", overspent);
        if (!ModelState.IsValid) return Page();

        var r = Return;
        r.NarrativeMarkdown = Form.Narrative?.Trim() ?? "";
        (r.TimeRag, r.TimeComment) = (time, Form.TimeComment?.Trim() ?? "");
        (r.BudgetRag, r.BudgetComment) = (budget, Form.BudgetComment?.Trim() ?? "");
        (r.ScopeQualityRag, r.ScopeQualityComment) = (scope, Form.ScopeQualityComment?.Trim() ?? "");
        (r.RiskRag, r.RiskComment) = (risk, Form.RiskComment?.Trim() ?? "");
        (r.BenefitsRag, r.BenefitsComment) = (benefits, Form.BenefitsComment?.Trim() ?? "");
        r.DeliveryConfidence = confidence;
        r.NationalSpend = national ?? 0;
        r.LocalSpend = local ?? 0;
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Returns/Return", new { id });
    }

    private Rag? Rating(string key, string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (Enum.TryParse<Rag>(value, out var rag) && Enum.IsDefined(rag)) return rag;
        ModelState.AddModelError(key, "Select green, amber or red");
        return null;
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
