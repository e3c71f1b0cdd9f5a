using Academy.Xapi.Data;
using Academy.Xapi.Protocol;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Xapi.Pages.Admin.Credentials;

/// Issue, list and revoke the LRS's HTTP Basic credentials. The secret is shown once, on the page that
/// answers the POST (never in a URL, never stored in clear).
[Authorize(Policy = Policies.Administrator)]
public sealed class CredentialsIndexModel(XapiDbContext db, XapiCredentials credentials) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public List<string> Scopes { get; set; } = [];

    public string? ScopesError { get; private set; }
    public bool Revoked { get; private set; }
    public IssuedCredential? Issued { get; private set; }
    public IReadOnlyList<XapiCredential> Credentials { get; private set; } = [];

    public sealed record IssuedCredential(string Name, string Key, string Secret);

    public async Task OnGetAsync(bool revoked, CancellationToken cancellationToken)
    {
        Revoked = revoked;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Name = Name?.Trim();
        if (string.IsNullOrEmpty(Name)) ModelState.AddModelError(nameof(Name), "Enter a name for the credential");
        else if (Name.Length > 200) ModelState.AddModelError(nameof(Name), "Name must be 200 characters or fewer");
        if (Scopes.Count == 0) ModelState.AddModelError(nameof(Scopes), ScopesError = "Select at least one scope");
        else if (Scopes.Except(XapiScopes.Known).Any()) ModelState.AddModelError(nameof(Scopes), ScopesError = "Select scopes from the list");
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var (credential, secret) = await credentials.IssueAsync(Name!, Scopes, User.Identity?.Name, cancellationToken);
        Issued = new IssuedCredential(credential.Name, credential.Key, secret);
        Name = null;
        Scopes = [];
        ModelState.Clear();
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        if (!await credentials.RevokeAsync(id, cancellationToken)) return NotFound();
        return RedirectToPage(new { revoked = true });
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        // Launch credentials (one per course launch, hours long) are the LRS's own business, not an administrator's.
        Credentials = await db.Credentials.AsNoTracking().Where(c => c.LaunchAgent == null).OrderBy(c => c.RevokedAt != null).ThenBy(c => c.Name).ToListAsync(cancellationToken);
}
