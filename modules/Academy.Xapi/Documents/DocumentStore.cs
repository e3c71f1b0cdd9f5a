using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Academy.Xapi.Documents.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Xapi.Documents;

/// Which documents a request addresses: the resource and its context (activity, agent, registration).
/// A null registration in a multiple GET or DELETE means "any registration"; for one document it
/// names the document kept outside any registration.
internal sealed record DocumentContext(XapiDocumentResource Resource, string? ActivityId, string? Agent, string? Registration)
{
    public byte[] ContextKey => Hash(Resource, ActivityId, Agent);

    public byte[] KeyOf(string documentId) => Hash(Resource, ActivityId, Agent, Registration ?? "", documentId);

    // Length-prefixed parts, so that no two different tuples hash the same text.
    private static byte[] Hash(XapiDocumentResource resource, params string?[] parts)
    {
        var text = new StringBuilder().Append((int)resource);
        foreach (var part in parts) text.Append('|').Append(part?.Length ?? -1).Append(':').Append(part);
        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }
}

/// If-Match and If-None-Match as RFC 7232 reads them: "*" or a list of entity tags.
internal sealed record Preconditions(IReadOnlyList<string>? IfMatch, IReadOnlyList<string>? IfNoneMatch)
{
    public bool None => IfMatch is null && IfNoneMatch is null;

    /// Whether a write may go ahead, given the current ETag (null: no document).
    public bool AllowWrite(string? current)
    {
        if (IfMatch is not null && (current is null || !(IfMatch.Contains("*") || IfMatch.Contains(current)))) return false;
        if (IfNoneMatch is not null && current is not null && (IfNoneMatch.Contains("*") || IfNoneMatch.Contains(current))) return false;
        return true;
    }

    public static Preconditions From(Microsoft.AspNetCore.Http.HttpRequest request) =>
        new(Parse(request.Headers.IfMatch.ToString()), Parse(request.Headers.IfNoneMatch.ToString()));

    private static List<string>? Parse(string header)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        // Tags are compared without quotes (clients send "abc", W/"abc" or, wrongly, abc).
        return header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.StartsWith("W/", StringComparison.Ordinal) ? t[2..] : t)
            .Select(t => t.Trim('"').ToLowerInvariant())
            .ToList();
    }
}

internal enum WriteStatus { Written, PreconditionFailed, PreconditionRequired, NotMergeable, Contended }

internal sealed record WriteOutcome(WriteStatus Status, string? Message = null);

/// Reads and writes documents. Every write is checked against the document's ETag as read, and the
/// update is conditional on it (a concurrency token), so two writers racing cannot both succeed on
/// the same version: the loser re-reads and is judged again (412 when it sent a precondition).
internal sealed class DocumentStore(XapiDocumentsDbContext db, TimeProvider clock)
{
    // A writer that keeps losing races gives up with 409 rather than spin.
    private const int Attempts = 20;

    public Task<XapiDocument?> FindAsync(DocumentContext context, string documentId, CancellationToken cancellationToken)
    {
        var key = context.KeyOf(documentId);
        return db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Key == key, cancellationToken);
    }

    /// The ids in the context (registration: only that one, when given), changed after sinceTicks.
    public async Task<List<(string Id, long UpdatedTicks)>> ListAsync(DocumentContext context, long? sinceTicks, CancellationToken cancellationToken)
    {
        var contextKey = context.ContextKey;
        var query = db.Documents.AsNoTracking().Where(d => d.ContextKey == contextKey);
        if (context.Registration is { } registration) query = query.Where(d => d.Registration == registration);
        if (sinceTicks is { } since) query = query.Where(d => d.UpdatedTicks > since);
        var rows = await query.OrderBy(d => d.UpdatedTicks).Select(d => new { d.DocumentId, d.UpdatedTicks }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.DocumentId, StringComparer.Ordinal).Select(g => (g.Key, g.Max(r => r.UpdatedTicks))).ToList();
    }

    /// PUT (merge null) stores the content as sent; POST (merge given) merges its top-level
    /// properties into an existing JSON object, or stores it when there is none (Communication 2.2).
    public async Task<WriteOutcome> WriteAsync(DocumentContext context, string documentId, byte[] content, string contentType,
        JsonObject? merge, Preconditions preconditions, bool requirePrecondition, CancellationToken cancellationToken)
    {
        var key = context.KeyOf(documentId);
        for (var attempt = 0; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var existing = await db.Documents.FirstOrDefaultAsync(d => d.Key == key, cancellationToken);
            if (!preconditions.AllowWrite(existing?.ETag))
                return new(WriteStatus.PreconditionFailed, existing is null
                    ? "If-Match names a version, but there is no such document."
                    : "The document has changed (or exists) since the version named in If-Match / If-None-Match: get it again and retry with its ETag.");
            if (existing is not null && requirePrecondition && preconditions.None)
                return new(WriteStatus.PreconditionRequired,
                    "The document already exists: check its current state (GET it) and send its ETag in the If-Match header to replace it (or If-None-Match: * to create only).");

            var bytes = content;
            if (merge is not null && existing is not null)
            {
                var current = DocumentContent.AsJsonObject(existing.ContentType, existing.Content);
                if (current is null)
                    return new(WriteStatus.NotMergeable, "The stored document is not a JSON object (application/json), so a POST cannot merge into it: PUT replaces it.");
                foreach (var (name, value) in merge) current[name] = value?.DeepClone();
                bytes = Encoding.UTF8.GetBytes(current.ToJsonString());
            }

            var now = clock.GetUtcNow().UtcTicks;
            var etag = DocumentContent.ETag(bytes);
            if (existing is null)
            {
                db.Documents.Add(new XapiDocument
                {
                    Resource = context.Resource,
                    Key = key,
                    ContextKey = context.ContextKey,
                    ActivityId = context.ActivityId,
                    Agent = context.Agent,
                    Registration = context.Registration,
                    DocumentId = documentId,
                    ContentType = contentType,
                    Content = bytes,
                    ETag = etag,
                    UpdatedTicks = now,
                });
            }
            else
            {
                existing.ContentType = contentType;
                existing.Content = bytes;
                existing.ETag = etag;
                existing.UpdatedTicks = Math.Max(now, existing.UpdatedTicks + 1);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new(WriteStatus.Written);
            }
            // Another writer changed the document (concurrency token) or created it (unique key) since
            // we read it: read again and judge the request against what is there now.
            catch (DbUpdateException) when (attempt < Attempts)
            {
            }
            catch (DbUpdateException)
            {
                return new(WriteStatus.Contended, "The document is being changed by other requests at the same time: retry.");
            }
        }
    }

    /// Deletes one document. False when a precondition failed; a missing document counts as deleted.
    public async Task<bool> DeleteAsync(DocumentContext context, string documentId, Preconditions preconditions, CancellationToken cancellationToken)
    {
        var key = context.KeyOf(documentId);
        for (var attempt = 0; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var existing = await db.Documents.FirstOrDefaultAsync(d => d.Key == key, cancellationToken);
            if (!preconditions.AllowWrite(existing?.ETag)) return false;
            if (existing is null) return true;
            db.Documents.Remove(existing);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            // Changed or deleted meanwhile: judge the request again against what is there now.
            catch (DbUpdateException) when (attempt < Attempts)
            {
            }
        }
    }

    public Task<int> DeleteAllAsync(DocumentContext context, CancellationToken cancellationToken)
    {
        var contextKey = context.ContextKey;
        var query = db.Documents.Where(d => d.ContextKey == contextKey);
        if (context.Registration is { } registration) query = query.Where(d => d.Registration == registration);
        return query.ExecuteDeleteAsync(cancellationToken);
    }
}

internal static class DocumentContent
{
    // Documents are the provider's own data: deeper than statements may be, but a merge must know
    // which value of a property is meant, so an object with a name twice cannot be merged.
    private static readonly System.Text.Json.JsonDocumentOptions StoreOptions = new() { MaxDepth = 64 };
    private static readonly System.Text.Json.JsonDocumentOptions MergeOptions = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    /// Communication 3.1: the hex SHA-1 of the content, lower case.
    public static string ETag(byte[] content) => Convert.ToHexStringLower(SHA1.HashData(content));

    public static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// The content as a JSON object when it is one and says so (application/json); null otherwise.
    public static JsonObject? AsJsonObject(string contentType, byte[] content)
    {
        if (!IsJson(contentType)) return null;
        try
        {
            // Issue 8 §4: a document with a lone surrogate is not mergeable (one stored before the LRS
            // refused them would otherwise fail every later merge with a 500).
            using (var document = System.Text.Json.JsonDocument.Parse(content, MergeOptions))
                if (Protocol.XapiJson.FindLoneSurrogate(document.RootElement, "document") is not null) return null;
            return JsonNode.Parse(content, documentOptions: MergeOptions) as JsonObject;
        }
        // Checking for duplicate keys reads each property name: one with a lone surrogate throws here.
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    public static bool IsValidJson(byte[] content)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(content, StoreOptions);
            return Protocol.XapiJson.FindLoneSurrogate(document.RootElement, "document") is null;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}
