using Academy.Identity.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Identity.Pages.Admin.Users;

[Authorize(Policy = Policies.Administrator)]
public sealed class UsersIndexModel(AccountsDbContext db) : PageModel
{
    private const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public bool Truncated { get; private set; }

    public sealed record UserRow(string Id, string DisplayName, string? Email, string? TrustOdsCode, IReadOnlyList<string> Roles);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var q = Query.Trim().ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(q) || u.DisplayName.ToUpper().Contains(q));
        }
        var page = await users.OrderBy(u => u.DisplayName).ThenBy(u => u.Email).Take(PageSize + 1)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.TrustOdsCode })
            .ToListAsync(cancellationToken);
        Truncated = page.Count > PageSize;
        var ids = page.Take(PageSize).Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        Users = page.Take(PageSize)
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email, u.TrustOdsCode,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList()))
            .ToList();
    }
}
