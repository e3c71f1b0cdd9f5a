using Academy.Xapi.Data;
using Academy.Theme.Nhs.Forms;
using Academy.Xapi.Protocol;
using FluentValidation;
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

    /// The checkbox group's error, shown by the page itself (the fieldset has no tag helper to do it).
    public string? ScopesError => ModelState.TryGetValue(nameof(Scopes), out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
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
        await LoadAsync(cancellationToken);
        await this.ThrowIfInvalidAsync(new Validator(), cancellationToken);

        var (credential, secret) = await credentials.IssueAsync(Name!, Scopes, User.Identity?.Name, cancellationToken);
        Issued = new IssuedCredential(credential.Name, credential.Key, secret);
        Name = null;
        Scopes = [];
        ModelState.Clear();
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public sealed class Validator : AbstractValidator<CredentialsIndexModel>
    {
        public Validator()
        {
            RuleFor(p => p.Name).Cascade(CascadeMode.Stop)
                .Must(name => !string.IsNullOrEmpty(name)).WithMessage("Enter a name for the credential")
                .Must(name => name!.Length <= 200).WithMessage("Name must be 200 characters or fewer");
            RuleFor(p => p.Scopes).Cascade(CascadeMode.Stop)
                .Must(scopes => scopes.Count > 0).WithMessage("Select at least one scope")
                .Must(scopes => !scopes.Except(XapiScopes.Known).Any()).WithMessage("Select scopes from the list");
        }
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
