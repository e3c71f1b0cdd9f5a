using Academy.Modules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Academy.Identity.Pages.Admin.Users;

/// The roles and trust of a person, as the add and change pages ask for them (the fields are in _RolesAndTrust.cshtml).
public abstract class RolesAndTrustForm(IEnumerable<ITrustDirectory> trustDirectories) : PageModel
{
    [BindProperty] public List<string> SelectedRoles { get; set; } = [];
    [BindProperty] public string? TrustOdsCode { get; set; }
    public IReadOnlyList<SelectListItem> TrustOptions { get; private set; } = [];

    /// The error beside each field for no role at all (an account without one can do nothing), roles not on the
    /// list, an unknown trust, or a CCIO or trust lead without a trust. RolesAndTrustValidator asks for them.
    internal async Task<List<(string Field, string Message)>> RolesAndTrustProblemsAsync(CancellationToken cancellationToken)
    {
        var problems = new List<(string Field, string Message)>();
        var trusts = await TrustsAsync(cancellationToken);
        if (SelectedRoles.Count == 0) problems.Add((nameof(SelectedRoles), "Select at least one role"));
        else if (SelectedRoles.Except(Roles.All).Any()) problems.Add((nameof(SelectedRoles), "Select roles from the list"));
        if (!string.IsNullOrEmpty(TrustOdsCode) && trusts.All(t => t.OdsCode != TrustOdsCode))
            problems.Add((nameof(TrustOdsCode), "Select a trust from the list"));
        var trustScoped = SelectedRoles.Intersect([Roles.Ccio, Roles.TrustLead]).ToList();
        if (trustScoped.Count > 0 && string.IsNullOrEmpty(TrustOdsCode))
            problems.Add((nameof(TrustOdsCode), $"Select the trust this {Roles.DisplayName(trustScoped[0]).ToLowerInvariant()} works for"));
        return problems;
    }

    protected async Task LoadTrustOptionsAsync(CancellationToken cancellationToken) =>
        TrustOptions = [new SelectListItem("No trust", ""), .. (await TrustsAsync(cancellationToken)).Select(t => new SelectListItem($"{t.Name} ({t.OdsCode})", t.OdsCode))];

    private async Task<IReadOnlyList<TrustSummary>> TrustsAsync(CancellationToken cancellationToken)
    {
        var all = new List<TrustSummary>();
        foreach (var directory in trustDirectories) all.AddRange(await directory.ListAsync(cancellationToken));
        return all.OrderBy(t => t.Name).ToList();
    }
}
