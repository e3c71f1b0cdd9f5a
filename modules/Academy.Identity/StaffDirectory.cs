using Academy.Identity.Data;
using Academy.Modules;
using Microsoft.EntityFrameworkCore;

namespace Academy.Identity;

internal sealed class StaffDirectory(AccountsDbContext db) : IStaffDirectory
{
    public async Task<IReadOnlyList<StaffMember>> InRoleAsync(string role, string? trustOdsCode, CancellationToken cancellationToken = default)
    {
        // One query over users, user-roles and roles. A lockout ending at DateTimeOffset.MaxValue is how Identity
        // disables an account for good; the 15-minute lockout after failed sign-ins does not stop a person's email.
        // Email confirmation is not a test: sign-in does not require it (RequireConfirmedAccount is false) and
        // self-registered accounts are never confirmed, so it would silently drop leads an administrator promoted.
        var people = from user in db.Users
                     join userRole in db.UserRoles on user.Id equals userRole.UserId
                     join r in db.Roles on userRole.RoleId equals r.Id
                     where r.Name == role && user.Email != null && user.Email != "" && user.LockoutEnd != AcademyUser.DisabledUntil
                     select user;
        if (trustOdsCode is not null) people = people.Where(u => u.TrustOdsCode == trustOdsCode);
        var rows = await people.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new { u.Email, u.DisplayName, u.TrustOdsCode }).ToListAsync(cancellationToken);
        return rows.Select(u => new StaffMember(u.Email!, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email! : u.DisplayName, u.TrustOdsCode)).ToList();
    }

    public async Task<string?> DisplayNameAsync(string userId, CancellationToken cancellationToken = default)
    {
        var name = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        return name?.Trim();
    }

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> emails, CancellationToken cancellationToken = default)
    {
        var wanted = emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.ToUpperInvariant()).Distinct().ToList();
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (wanted.Count == 0) return names;
        var rows = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail != null && wanted.Contains(u.NormalizedEmail))
            .Select(u => new { u.Email, u.DisplayName }).ToListAsync(cancellationToken);
        foreach (var row in rows.Where(r => r.Email is not null))
            names[row.Email!] = string.IsNullOrWhiteSpace(row.DisplayName) ? row.Email! : row.DisplayName;
        foreach (var email in emails.Where(e => !string.IsNullOrWhiteSpace(e))) names.TryAdd(email, email);
        return names;
    }

    public async Task<IReadOnlyList<StaffPerson>> ByEmailAsync(IEnumerable<string> emails, CancellationToken cancellationToken = default)
    {
        var wanted = emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim().ToUpperInvariant()).Distinct().ToList();
        var people = new List<StaffPerson>();
        // Chunks keep the IN list within SQL Server's 2,100 parameters (an enrolment upload may name 10,000 people).
        foreach (var chunk in wanted.Chunk(1000))
            people.AddRange(await PeopleAsync(db.Users.Where(u => u.NormalizedEmail != null && chunk.Contains(u.NormalizedEmail)), cancellationToken));
        return people;
    }

    public async Task<IReadOnlyList<StaffPerson>> ByIdAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default)
    {
        var wanted = userIds.Distinct().ToList();
        if (wanted.Count == 0) return [];
        var people = new List<StaffPerson>(wanted.Count);
        // Chunks keep the IN list within SQL Server's 2,100 parameters (a cohort may have thousands of members).
        foreach (var chunk in wanted.Chunk(1000))
            people.AddRange(await PeopleAsync(db.Users.Where(u => chunk.Contains(u.Id)), cancellationToken));
        return people;
    }

    private async Task<List<StaffPerson>> PeopleAsync(IQueryable<AcademyUser> users, CancellationToken cancellationToken)
    {
        var rows = await users.AsNoTracking().Where(u => u.Email != null)
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName, u.TrustOdsCode, u.LockoutEnd,
                Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(u => new StaffPerson(u.Id, u.Email!, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email! : u.DisplayName.Trim(), u.TrustOdsCode,
            u.Roles.OfType<string>().ToList(), u.LockoutEnd >= DisabledFrom)).ToList();
    }
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> StaffIdsAsync(IReadOnlyCollection<string> trustOdsCodes, CancellationToken cancellationToken = default)
    {
        var codes = trustOdsCodes.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // Compared as in the year, not to DisabledUntil itself: SQLite keeps DateTimeOffset to the millisecond (see AcademyUser.IsDisabled).
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.TrustOdsCode != null && codes.Contains(u.TrustOdsCode) && (u.LockoutEnd == null || u.LockoutEnd < DisabledFrom))
            .Select(u => new { u.Id, u.TrustOdsCode }).ToListAsync(cancellationToken);
        var byTrust = rows.ToLookup(r => r.TrustOdsCode!, r => r.Id, StringComparer.OrdinalIgnoreCase);
        return codes.ToDictionary(c => c, c => (IReadOnlyList<string>)byTrust[c].ToList(), StringComparer.OrdinalIgnoreCase);
    }

    /// Any lockout ending after this is an administrator's "disabled for good"; the 15-minute sign-in lockout never reaches it.
    private static readonly DateTimeOffset DisabledFrom = new(AcademyUser.DisabledUntil.Year, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
