using System.Security.Cryptography;
using Academy.Data;
using Academy.Identity.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Academy.Identity.Sessions;

/// Sessions kept in the accounts database (issue 8, point 2). The cookie carries only a session key, so a copied
/// cookie stops working the moment its session ends: at sign-out, or when the person's password is reset, their
/// roles or trust change or their account is disabled (EndAllAsync), on every web node at once.
public sealed class SessionStore(ModuleDbContextFactory<AccountsDbContext> contexts, TimeProvider clock) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await using var db = contexts.Create();
        // Sessions that ran out without a sign-out are removed as new ones start.
        var now = clock.GetUtcNow();
        await db.Sessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync();
        db.Sessions.Add(new UserSession { Id = key, UserId = UserIdOf(ticket), Ticket = TicketSerializer.Default.Serialize(ticket), ExpiresAt = ticket.Properties.ExpiresUtc });
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var db = contexts.Create();
        // A session ended meanwhile stays ended: renewing never brings it back.
        await db.Sessions.Where(s => s.Id == key).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.Ticket, TicketSerializer.Default.Serialize(ticket))
            .SetProperty(s => s.ExpiresAt, ticket.Properties.ExpiresUtc));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var db = contexts.Create();
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == key);
        if (session is null || session.ExpiresAt < clock.GetUtcNow()) return null;
        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        await using var db = contexts.Create();
        await db.Sessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    /// Ends every session of a person, wherever it was started.
    public async Task EndAllAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        await db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }

    private static string UserIdOf(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "";
}

/// Hands the store to Identity's application cookie.
internal sealed class UseSessionStore(SessionStore store) : Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme) options.SessionStore = store;
    }
}
