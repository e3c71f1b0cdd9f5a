using Academy.Learning.Courses;
using Academy.Learning.SelfAssessment;
using Academy.Theme.Nhs.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Learning.Pages.SelfAssessment;

/// One domain of the self-assessment: each of its statements rated "where I am now" and "where I need to be",
/// 0 to 10. A complete page is saved into the person's draft; then the next domain, or back to check-your-answers.
[Authorize(Policy = Policies.SignedIn)]
public sealed class DomainModel(SelfAssessmentRules rules) : PageModel
{
    public CapabilityDomains.Info Domain { get; private set; } = default!;
    public int Step { get; private set; }
    public IReadOnlyList<CapabilityStatements.Item> Items { get; private set; } = [];
    /// The value each radio group shows checked: what was posted, else what the draft holds.
    public Dictionary<string, string?> Values { get; } = [];
    public bool Change { get; private set; }

    public static string Field(CapabilityStatements.Item item, bool need) => $"Statement{item.Number}.{(need ? "Need" : "Now")}";

    public static string Message(CapabilityStatements.Item item, bool need) =>
        $"Select where you {(need ? "need to be" : "are now")} for statement {item.Number}, from {SelfAssessmentRules.Lowest} to {SelfAssessmentRules.Highest}";

    public async Task<IActionResult> OnGetAsync(string domain, bool change, CancellationToken cancellationToken)
    {
        if (!Load(domain, change)) return NotFound();
        var draft = await rules.DraftAsync(User.UserId()!, cancellationToken);
        foreach (var item in Items)
        {
            var saved = draft?.Ratings.SingleOrDefault(r => r.StatementKey == item.Key);
            Values[Field(item, need: false)] = saved?.Now.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Values[Field(item, need: true)] = saved?.Need.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string domain, bool change, CancellationToken cancellationToken)
    {
        if (!Load(domain, change)) return NotFound();
        var ratings = new Dictionary<string, (int Now, int Need)>();
        var problems = new List<(string, string)>();
        foreach (var item in Items)
        {
            int? Read(bool need)
            {
                var field = Field(item, need);
                var posted = Request.Form[field];
                Values[field] = posted.Count == 1 ? posted[0] : null;
                var value = posted.Count == 1 ? SelfAssessmentRules.ParseRating(posted[0]) : null;
                if (value is null) problems.Add((field, Message(item, need)));
                return value;
            }
            var (now, need) = (Read(need: false), Read(need: true));
            if (now is { } n && need is { } d) ratings[item.Key] = (n, d);
        }
        this.ThrowIfAny(problems, StatusCodes.Status200OK);
        await rules.SaveDomainAsync(User.UserId()!, Domain.Domain, ratings, cancellationToken);
        var next = Step < CapabilityDomains.All.Count && !Change ? CapabilityDomains.All[Step] : null;
        if (next is null) return RedirectToPage("/SelfAssessment/Check");
        return RedirectToPage("/SelfAssessment/Domain", new { domain = next.Key });
    }

    private bool Load(string key, bool change)
    {
        var index = CapabilityDomains.All.ToList().FindIndex(d => d.Key == key);
        if (index < 0) return false;
        (Domain, Step, Items, Change) = (CapabilityDomains.All[index], index + 1, CapabilityStatements.For(CapabilityDomains.All[index].Domain), change);
        return true;
    }
}
