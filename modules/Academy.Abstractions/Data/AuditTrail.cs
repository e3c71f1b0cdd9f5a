using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Academy.Data;

/// A module's context whose changes are kept in an audit trail: it says which records are audited and how it
/// stores an entry; AuditTrailInterceptor does the rest for every such context (issue 14 §2).
public interface IAuditTrailContext
{
    bool IsAudited(EntityEntry entry);

    /// Called before each save: the trail itself is append-only, say.
    void CheckTrail();

    /// Adds the entries for the changes just saved (their keys are known by now); the interceptor saves them in the same transaction.
    void AddAuditEntries(IReadOnlyList<AuditedChange> changes, string actor, DateTimeOffset at);
}

public sealed record AuditedField(string Name, string? OldValue, string? NewValue);

/// One record's change: Action is Added, Modified or Deleted; Fields are the values that changed, as invariant text.
public sealed record AuditedChange(EntityEntry Entry, string Action, IReadOnlyList<AuditedField> Fields)
{
    public string RecordId => string.Join(",", Entry.Metadata.FindPrimaryKey()!.Properties.Select(p => AuditTrailInterceptor.Text(Entry.Property(p.Name).CurrentValue)));
}

/// Saves an audited context's changes and, in the same transaction, one entry per changed field. The entries are
/// written after the change, so that new records' keys are known: the interceptor runs the save itself (both saves
/// and a transaction when none is open, inside the provider's execution strategy) and suppresses EF's own.
/// The person is the request's signed-in user ("system" outside a request: jobs, recipes); the time is the
/// TimeProvider's. Singleton: the only state is which contexts are inside their own audited save.
public sealed class AuditTrailInterceptor(IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> saving = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Changes(eventData.Context) is not { } found) return result;
        var (context, changes) = found;
        int Save()
        {
            saving.AddOrUpdate(context, this);
            try
            {
                using var transaction = context.Database.CurrentTransaction is null ? context.Database.BeginTransaction() : null;
                var count = context.SaveChanges();
                ((IAuditTrailContext)context).AddAuditEntries(changes, Actor(), clock.GetUtcNow());
                context.SaveChanges();
                transaction?.Commit();
                return count;
            }
            finally
            {
                saving.Remove(context);
            }
        }
        // Inside a transaction someone else opened, the save is theirs to retry: a retrying strategy refuses to start there.
        return InterceptionResult<int>.SuppressWithResult(context.Database.CurrentTransaction is not null ? Save() : context.Database.CreateExecutionStrategy().Execute(Save));
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Changes(eventData.Context) is not { } found) return result;
        var (context, changes) = found;
        async Task<int> SaveAsync(CancellationToken ct)
        {
            saving.AddOrUpdate(context, this);
            try
            {
                await using var transaction = context.Database.CurrentTransaction is null ? await context.Database.BeginTransactionAsync(ct) : null;
                var count = await context.SaveChangesAsync(ct);
                ((IAuditTrailContext)context).AddAuditEntries(changes, Actor(), clock.GetUtcNow());
                await context.SaveChangesAsync(ct);
                if (transaction is not null) await transaction.CommitAsync(ct);
                return count;
            }
            finally
            {
                saving.Remove(context);
            }
        }
        return InterceptionResult<int>.SuppressWithResult(context.Database.CurrentTransaction is not null
            ? await SaveAsync(cancellationToken)
            : await context.Database.CreateExecutionStrategy().ExecuteAsync(SaveAsync, cancellationToken));
    }

    /// The audited changes about to be saved, or null when EF should save as usual (not an audited context,
    /// nothing audited changed, or this is the interceptor's own save).
    private (DbContext, List<AuditedChange>)? Changes(DbContext? context)
    {
        if (context is not IAuditTrailContext audited || saving.TryGetValue(context, out _)) return null;
        context.ChangeTracker.DetectChanges();
        audited.CheckTrail();
        var changes = context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && audited.IsAudited(e))
            .Select(Capture).ToList();
        return changes.Count == 0 ? null : (context, changes);
    }

    private string Actor() => http.HttpContext?.User.Identity?.Name is { Length: > 0 } name ? name : "system";

    private static AuditedChange Capture(EntityEntry entry)
    {
        var fields = new List<AuditedField>();
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsPrimaryKey() && entry.State == EntityState.Added) continue;
            switch (entry.State)
            {
                case EntityState.Added when property.CurrentValue is not null:
                    fields.Add(new(property.Metadata.Name, null, Text(property.CurrentValue)));
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    fields.Add(new(property.Metadata.Name, Text(property.OriginalValue), Text(property.CurrentValue)));
                    break;
                case EntityState.Deleted:
                    fields.Add(new(property.Metadata.Name, Text(property.OriginalValue), null));
                    break;
            }
        }
        return new AuditedChange(entry, entry.State.ToString(), fields);
    }

    public static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.00", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
