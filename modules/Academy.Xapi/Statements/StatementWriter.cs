using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Academy.Data;
using Academy.Xapi.Data;
using Academy.Xapi.Protocol;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Academy.Xapi.Statements;

internal sealed record WriteRequest(
    IReadOnlyList<PreparedStatement> Statements,
    JsonObject Authority,
    int CredentialId,
    IReadOnlyList<XapiAttachment> Attachments,
    TaskCompletionSource<WriteOutcome> Completion);

internal enum WriteStatus { Stored, Conflict }

internal sealed record WriteOutcome(WriteStatus Status, IReadOnlyList<Guid> Ids, string? Message = null);

/// The one writer of statements (Reliability, issue 3 §8). Requests queue in a channel; the writer takes
/// whatever has queued, stores it in one transaction (group commit: one fsync for many requests),
/// and completes each request only after the commit, so an acknowledged statement is on disk.
/// One writer means SQLite never sees two writers ("database is locked" cannot happen) and stored
/// times and sequence numbers rise together, which paging and since/until rely on.
internal sealed class StatementWriter(ModuleDbContextFactory<XapiDbContext> contexts, StatementProvider provider, TimeProvider clock, StatementCommits commits, XapiOptions options, ILogger<StatementWriter> log) : BackgroundService
{
    private const int MaxStatementsPerCommit = 5000;

    private readonly Channel<WriteRequest> queue = Channel.CreateBounded<WriteRequest>(new BoundedChannelOptions(10_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    // The stored time of the commit in progress (null when none) and of the last one, guarded by
    // `progress`: together they say through when every statement is visible (ConsistentThrough).
    private readonly Lock progress = new();
    private long? committingMs;
    private long lastStoredMs;

    /// Communication 2.1.3 (issue 12 §1): the latest time through which every statement is visible.
    /// While a commit is in flight that is just before its stored time (every earlier commit is done:
    /// one writer); when idle it is now, less a millisecond, because the next commit's stored time is
    /// taken after this answer and is never earlier than now. Never the newest stored time, which lies
    /// in the past after a quiet spell and makes clients that wait for consistency wait for ever.
    public DateTimeOffset ConsistentThrough()
    {
        lock (progress)
        {
            var ms = committingMs ?? Math.Max(clock.GetUtcNow().ToUnixTimeMilliseconds(), lastStoredMs);
            return DateTimeOffset.FromUnixTimeMilliseconds(ms - 1);
        }
    }

    public async Task<WriteOutcome> WriteAsync(IReadOnlyList<PreparedStatement> statements, JsonObject authority, int credentialId, IReadOnlyList<XapiAttachment> attachments, CancellationToken cancellationToken)
    {
        var request = new WriteRequest(statements, authority, credentialId, attachments, new TaskCompletionSource<WriteOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        await queue.Writer.WriteAsync(request, cancellationToken);
        // Not cancellable once queued: the client may go, but the outcome is decided by the writer.
        return await request.Completion.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<WriteRequest>();
        var lastRequests = 0;
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                var count = Take(batch, 0);
                // Group commit (issue 12 §3): the clients answered by the last commit send their next
                // requests moments later. Committing the first to arrive at once would give each fsync a
                // few of them; waiting a moment (never past gatherFor) lets them share one.
                var gatherFor = TimeSpan.FromMilliseconds(options.GroupCommitWaitMilliseconds);
                if (batch.Count < lastRequests && gatherFor > TimeSpan.Zero)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var window = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    window.CancelAfter(gatherFor);
                    try
                    {
                        while (batch.Count < lastRequests && count < MaxStatementsPerCommit && await queue.Reader.WaitToReadAsync(window.Token))
                            count = Take(batch, count);
                    }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { }
                    WriterMetrics.Gather.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                lastRequests = batch.Count;
                WriterMetrics.Requests.Record(batch.Count);
                WriterMetrics.Statements.Record(count);
                await CommitAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        // Requests still queued at shutdown are refused rather than left waiting.
        while (queue.Reader.TryRead(out var left)) left.Completion.TrySetException(new OperationCanceledException("The LRS is stopping."));
        if (store is not null) await store.DisposeAsync();
        store = null;
    }

    private int Take(List<WriteRequest> batch, int count)
    {
        while (count < MaxStatementsPerCommit && queue.Reader.TryRead(out var request))
        {
            batch.Add(request);
            count += request.Statements.Count;
        }
        return count;
    }

    private async Task CommitAsync(List<WriteRequest> batch)
    {
        try
        {
            var outcomes = await StoreAsync(batch);
            for (var i = 0; i < batch.Count; i++) batch[i].Completion.TrySetResult(outcomes[i]);
        }
        catch (Exception e) when (batch.Count > 1)
        {
            // One request spoilt the group: store each on its own so the others still succeed.
            log.LogWarning(e, "A group commit of {Count} requests failed; storing them one by one", batch.Count);
            foreach (var request in batch)
            {
                try { request.Completion.TrySetResult((await StoreAsync([request]))[0]); }
                catch (Exception single) { request.Completion.TrySetException(single); }
            }
        }
        catch (Exception e)
        {
            batch[0].Completion.TrySetException(e);
        }
    }

    // The writer's own store (a connection kept open with its prepared commands): a commit then costs
    // the inserts and one fsync, not a context, a pool round trip, a PRAGMA and a statement
    // compilation per row (issue 12 §3). Dropped after a failure and opened again on the next batch.
    private StatementStore? store;

    private async Task<List<WriteOutcome>> StoreAsync(List<WriteRequest> batch)
    {
        var writer = store ??= await StatementStore.OpenAsync(contexts, provider);
        try
        {
            var begun = Stopwatch.GetTimestamp();
            await using var transaction = await writer.BeginAsync();
            WriterMetrics.Lock.Record(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
            // The order and the stored time come from the database, inside the write transaction (on
            // SQLite the write lock is taken at BEGIN): another process writing the same file cannot
            // interleave, and stored never goes backwards even when clocks differ (issue 12 §4).
            var (lastSequence, lastStoredTicks) = await writer.LastAsync();
            var lastInDatabaseMs = lastStoredTicks == 0 ? 0 : new DateTimeOffset(lastStoredTicks, TimeSpan.Zero).ToUnixTimeMilliseconds();
            long storedMs;
            lock (progress)
            {
                storedMs = lastStoredMs = Math.Max(Math.Max(clock.GetUtcNow().ToUnixTimeMilliseconds(), lastStoredMs), lastInDatabaseMs);
                committingMs = storedMs;
            }
            (List<WriteOutcome> Outcomes, long LastSequence) written;
            try
            {
                var writing = Stopwatch.GetTimestamp();
                written = await StoreAsync(batch, writer, lastSequence + 1, storedMs);
                var syncing = Stopwatch.GetTimestamp();
                await transaction.CommitAsync();
                WriterMetrics.Write.Record(Stopwatch.GetElapsedTime(writing, syncing).TotalMilliseconds);
                WriterMetrics.Sync.Record(Stopwatch.GetElapsedTime(syncing).TotalMilliseconds);
            }
            finally
            {
                lock (progress) committingMs = null;
            }
            // The feed's wake-up (IStatementFeed.WaitForStatementsAsync), only once the rows are
            // committed, with the highest sequence this commit stored (none when every id was already stored).
            if (written.LastSequence > 0) commits.Committed(written.LastSequence);
            return written.Outcomes;
        }
        catch
        {
            store = null;
            await writer.DisposeAsync();
            throw;
        }
    }

    private static async Task<(List<WriteOutcome> Outcomes, long LastSequence)> StoreAsync(List<WriteRequest> batch, StatementStore sql, long nextSequence, long storedMs)
    {
        var stored = DateTimeOffset.FromUnixTimeMilliseconds(storedMs);

        var outcomes = new List<WriteOutcome>(batch.Count);
        long lastSequence = 0;
        var batchIds = new Dictionary<Guid, JsonObject>();
        foreach (var request in batch)
        {
            // Data 2.1.3 / Communication 2.1.2: an id already stored is fine when the statement is
            // the same (nothing is written) and a conflict when it differs.
            var toInsert = new List<PreparedStatement>(request.Statements.Count);
            string? conflict = null;
            foreach (var statement in request.Statements)
            {
                // An id the LRS has just made is stored nowhere yet: no lookup (issue 12 §3).
                var existing = statement.IsNewId ? null
                    : batchIds.TryGetValue(statement.Id, out var inBatch) ? inBatch
                    : await sql.FindJsonAsync(statement.Id) is { } json ? (JsonObject)JsonNode.Parse(json)! : null;
                if (existing is null) toInsert.Add(statement);
                else if (!StatementShape.Same(existing, statement.Json)) { conflict = $"A different statement is already stored with the id {statement.Id}."; break; }
            }
            if (conflict is not null)
            {
                outcomes.Add(new WriteOutcome(WriteStatus.Conflict, [], conflict));
                continue;
            }

            foreach (var attachment in request.Attachments)
                await sql.StoreAttachmentAsync(attachment);

            var authority = request.Authority.ToJsonString();
            foreach (var statement in toInsert)
            {
                var json = statement.Json;
                var sequence = await sql.InsertStatementAsync(nextSequence++, statement, stored.UtcTicks, request.CredentialId, ServerFields.Stamp(statement, stored, authority));
                var keys = statement.Keys;
                // Communication 2.1.3, "Filter Conditions for StatementRefs": a statement that refers to
                // another is found by the filters its target matches, so it carries the target's keys
                // too. XAPI-00162: a voiding statement is such a statement, and is returned by a query
                // its voided target matches (the target itself is not).
                if (json["object"]?["objectType"]?.GetValue<string>() == "StatementRef"
                    && Guid.TryParse(json["object"]!["id"]!.GetValue<string>(), out var referenced))
                {
                    var referencedJson = batchIds.TryGetValue(referenced, out var t) ? t
                        : await sql.FindJsonAsync(referenced) is { } targetJson ? (JsonObject)JsonNode.Parse(targetJson)! : null;
                    keys = [.. keys, (StatementKeyKind.StatementRef, StatementShape.Hash(referenced.ToString()))];
                    if (referencedJson is not null)
                        keys = [.. keys.Concat(StatementShape.Keys(referencedJson)).DistinctBy(k => (k.Item1, Convert.ToHexString(k.Item2)))];
                }
                foreach (var (kind, hash) in keys) await sql.InsertKeyAsync(kind, hash, sequence);
                // A StatementRef stored before its target (issue 12 §2): the statements that already
                // refer to this one take its keys now. Keys they have already are left as they are.
                // No statement can refer to an id the LRS has just made.
                if (!statement.IsNewId)
                    foreach (var referrer in await sql.ReferrersAsync(StatementShape.Hash(statement.Id.ToString())))
                        foreach (var (kind, hash) in statement.Keys) await sql.InsertKeyIfMissingAsync(kind, hash, referrer);
                // Data 2.3.2: a voiding statement voids its target unless the target is itself a voiding statement.
                if (statement.Voids is { } target) await sql.VoidAsync(target);
                batchIds[statement.Id] = json;
                lastSequence = Math.Max(lastSequence, sequence);
            }
            outcomes.Add(new WriteOutcome(WriteStatus.Stored, request.Statements.Select(s => s.Id).ToList()));
        }
        return (outcomes, lastSequence);
    }
}
