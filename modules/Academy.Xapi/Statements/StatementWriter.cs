using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Academy.Data;
using Academy.Xapi.Data;
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
internal sealed class StatementWriter(ModuleDbContextFactory<XapiDbContext> contexts, TimeProvider clock, StatementCommits commits, ILogger<StatementWriter> log) : BackgroundService
{
    private const int MaxStatementsPerCommit = 5000;

    private readonly Channel<WriteRequest> queue = Channel.CreateBounded<WriteRequest>(new BoundedChannelOptions(10_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private long lastStoredMs;

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
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                var count = 0;
                while (count < MaxStatementsPerCommit && queue.Reader.TryRead(out var request))
                {
                    batch.Add(request);
                    count += request.Statements.Count;
                }
                await CommitAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        // Requests still queued at shutdown are refused rather than left waiting.
        while (queue.Reader.TryRead(out var left)) left.Completion.TrySetException(new OperationCanceledException("The LRS is stopping."));
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

    private async Task<List<WriteOutcome>> StoreAsync(List<WriteRequest> batch)
    {
        await using var db = contexts.Create();
        await db.Database.OpenConnectionAsync();
        var isSqlServer = db.Database.IsSqlServer();
        // The key and id indexes take random inserts: a 64 MB page cache (SQLite's default is 2 MB)
        // keeps their upper levels in memory once the store reaches millions of statements.
        if (!isSqlServer) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536");
        await using var transaction = await db.Database.BeginTransactionAsync();
        var sql = new Sql(db.Database.GetDbConnection(), transaction.GetDbTransaction(), isSqlServer);

        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var storedMs = lastStoredMs = Math.Max(nowMs, lastStoredMs);
        var stored = DateTimeOffset.FromUnixTimeMilliseconds(storedMs);
        var storedText = stored.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var nextSequence = sql.IsSqlServer ? 0 : await sql.ScalarAsync<long>("SELECT COALESCE(MAX(Sequence), 0) FROM XapiStatements") + 1;

        var outcomes = new List<WriteOutcome>();
        long lastSequence = 0;
        var batchIds = new Dictionary<Guid, JsonObject>();
        foreach (var request in batch)
        {
            // Data 2.1.3 / Communication 2.1.2: an id already stored is fine when the statement is
            // the same (nothing is written) and a conflict when it differs.
            var toInsert = new List<PreparedStatement>();
            string? conflict = null;
            foreach (var statement in request.Statements)
            {
                var existing = batchIds.TryGetValue(statement.Id, out var inBatch) ? inBatch
                    : await sql.ScalarAsync<string?>("SELECT Json FROM XapiStatements WHERE Id = @id", ("@id", statement.Id.ToString())) is { } json ? (JsonObject)JsonNode.Parse(json)! : null;
                if (existing is null) toInsert.Add(statement);
                else if (!StatementShape.Same(existing, statement.Json)) { conflict = $"A different statement is already stored with the id {statement.Id}."; break; }
            }
            if (conflict is not null)
            {
                outcomes.Add(new WriteOutcome(WriteStatus.Conflict, [], conflict));
                continue;
            }

            foreach (var attachment in request.Attachments)
            {
                var exists = await sql.ScalarAsync<long>("SELECT COUNT(*) FROM XapiAttachments WHERE Sha2 = @sha", ("@sha", attachment.Sha2)) > 0;
                if (!exists)
                    await sql.ExecuteAsync("INSERT INTO XapiAttachments (Sha2, ContentType, Length, Content) VALUES (@sha, @type, @length, @content)",
                        ("@sha", attachment.Sha2), ("@type", attachment.ContentType), ("@length", attachment.Length), ("@content", attachment.Content));
            }

            foreach (var statement in toInsert)
            {
                var json = statement.Json;
                json["stored"] = storedText;
                json["timestamp"] ??= storedText;
                json["authority"] = request.Authority.DeepClone();
                var text = json.ToJsonString();
                long sequence;
                const string columns = "(Id, StoredTicks, CredentialId, IsVoiding, Voided, Version, Json)";
                var values = new (string, object?)[] { ("@id", statement.Id.ToString()), ("@stored", stored.UtcTicks), ("@credential", request.CredentialId), ("@voiding", statement.Voids is not null), ("@voided", false), ("@version", statement.Version), ("@json", text) };
                if (sql.IsSqlServer)
                {
                    sequence = await sql.ScalarAsync<long>($"INSERT INTO XapiStatements {columns} OUTPUT INSERTED.Sequence VALUES (@id, @stored, @credential, @voiding, @voided, @version, @json)", values);
                }
                else
                {
                    sequence = nextSequence++;
                    await sql.ExecuteAsync($"INSERT INTO XapiStatements (Sequence, Id, StoredTicks, CredentialId, IsVoiding, Voided, Version, Json) VALUES (@sequence, @id, @stored, @credential, @voiding, @voided, @version, @json)",
                        [("@sequence", sequence), .. values]);
                }
                var keys = statement.Keys;
                // Communication 2.1.3, "Filter Conditions for StatementRefs": a statement that refers to
                // another (not to void it) is found by the filters its target matches, so it carries the
                // target's keys too. A target stored later is not followed (the specification allows this).
                if (statement.Voids is null && json["object"]?["objectType"]?.GetValue<string>() == "StatementRef"
                    && Guid.TryParse(json["object"]!["id"]!.GetValue<string>(), out var referenced))
                {
                    var referencedJson = batchIds.TryGetValue(referenced, out var t) ? t
                        : await sql.ScalarAsync<string?>("SELECT Json FROM XapiStatements WHERE Id = @id", ("@id", referenced.ToString())) is { } targetJson ? (JsonObject)JsonNode.Parse(targetJson)! : null;
                    if (referencedJson is not null)
                        keys = [.. keys.Concat(StatementShape.Keys(referencedJson)).DistinctBy(k => (k.Item1, Convert.ToHexString(k.Item2)))];
                }
                foreach (var (kind, hash) in keys)
                    await sql.ExecuteAsync("INSERT INTO XapiStatementKeys (Kind, Hash, Sequence) VALUES (@kind, @hash, @sequence)",
                        ("@kind", (byte)kind), ("@hash", hash), ("@sequence", sequence));
                // Data 2.3.2: a voiding statement voids its target unless the target is itself a voiding statement.
                if (statement.Voids is { } target)
                    await sql.ExecuteAsync("UPDATE XapiStatements SET Voided = @true WHERE Id = @target AND IsVoiding = @false",
                        ("@true", true), ("@false", false), ("@target", target.ToString()));
                batchIds[statement.Id] = json;
                lastSequence = Math.Max(lastSequence, sequence);
            }
            outcomes.Add(new WriteOutcome(WriteStatus.Stored, request.Statements.Select(s => s.Id).ToList()));
        }

        await transaction.CommitAsync();
        if (lastSequence > 0) commits.Committed(lastSequence);
        return outcomes;
    }
}

/// Parameterised commands on the writer's connection and transaction (raw ADO.NET: the writer is the
/// hot path, and EF's change tracker would cost more than the inserts).
internal sealed class Sql(DbConnection connection, DbTransaction? transaction, bool isSqlServer)
{
    public bool IsSqlServer { get; } = isSqlServer;

    public DbCommand Command(string text, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public async Task<int> ExecuteAsync(string text, params (string, object?)[] parameters)
    {
        await using var command = Command(text, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string text, params (string, object?)[] parameters)
    {
        await using var command = Command(text, parameters);
        var value = await command.ExecuteScalarAsync();
        if (value is null || value is DBNull) return default!;
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
    }
}
