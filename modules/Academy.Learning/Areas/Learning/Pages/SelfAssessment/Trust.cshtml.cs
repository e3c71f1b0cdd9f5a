using Academy.Learning.Courses;
using Academy.Learning.SelfAssessment;
using Academy.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Learning.Pages.SelfAssessment;

/// A CCIO's anonymous summary of their own trust's self-assessments (the trust of their academy:trust claim; no
/// trust is ever named in the address, so there is none to change). Below the minimum group there are no figures.
[Authorize(Policy = Policies.Ccio)]
public sealed class TrustModel(ITrustSelfAssessment summaries, ITrustDirectory trusts) : PageModel
{
    public string? TrustName { get; private set; }
    public TrustSelfAssessmentSummary? Summary { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.TrustOdsCode() is not { Length: > 0 } ods) return;
        Summary = await summaries.ForTrustAsync(ods, cancellationToken);
        TrustName = (await trusts.ListAsync(cancellationToken)).FirstOrDefault(t => string.Equals(t.OdsCode, ods, StringComparison.OrdinalIgnoreCase))?.Name ?? ods;
    }

    public SelfAssessmentChart Chart() => new("chart-trust", "Your trust by domain", "Your trust's means by domain, on a scale of 0 to 10",
        [.. Summary!.Domains.Select(d => new DomainResult(CapabilityDomains.All.Single(i => i.Key == d.DomainKey), d.MeanNow, d.MeanNeed))],
        NowLabel: "Mean now", NeedLabel: "Mean need");
}
