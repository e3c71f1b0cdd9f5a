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
        if (connection is not null) await connection.DisposeAsync();
        connection = null;
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

    // The writer's own connection, kept open with its prepared commands: a commit then costs the
    // inserts and one fsync, not a context, a pool round trip, a PRAGMA and a statement
    // compilation per row (issue 12 §3). Dropped after a failure and opened again on the next batch.
    private WriterConnection? connection;

    private async Task<List<WriteOutcome>> StoreAsync(List<WriteRequest> batch)
    {
        var writer = connection ??= await WriterConnection.OpenAsync(contexts);
        try
        {
            await using var transaction = await writer.BeginAsync();
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
                written = await StoreAsync(batch, writer, lastSequence + 1, storedMs);
                await transaction.CommitAsync();
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
            connection = null;
            await writer.DisposeAsync();
            throw;
        }
    }

    private static async Task<(List<WriteOutcome> Outcomes, long LastSequence)> StoreAsync(List<WriteRequest> batch, WriterConnection sql, long nextSequence, long storedMs)
    {
        var stored = DateTimeOffset.FromUnixTimeMilliseconds(storedMs);
        var storedText = stored.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

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
                var existing = batchIds.TryGetValue(statement.Id, out var inBatch) ? inBatch
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
                json["stored"] = storedText;
                json["timestamp"] ??= storedText;
                json["authority"] = JsonNode.Parse(authority);
                var sequence = await sql.InsertStatementAsync(nextSequence++, statement, stored.UtcTicks, request.CredentialId, json.ToJsonString());
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

/// The writer's connection and its prepared commands, one SQL text per provider where they differ.
internal sealed class WriterConnection : IAsyncDisposable
{
    private readonly XapiDbContext db;
    private readonly DbConnection connection;
    private readonly bool isSqlServer;
    private readonly Dictionary<string, DbCommand> prepared = [];
    private DbTransaction? transaction;

    private WriterConnection(XapiDbContext db, bool isSqlServer)
    {
        this.db = db;
        this.isSqlServer = isSqlServer;
        connection = db.Database.GetDbConnection();
    }

    public static async Task<WriterConnection> OpenAsync(ModuleDbContextFactory<XapiDbContext> contexts)
    {
        var db = contexts.Create();
        await db.Database.OpenConnectionAsync();
        var isSqlServer = db.Database.IsSqlServer();
        // The key and id indexes take random inserts: a 64 MB page cache (SQLite's default is 2 MB)
        // keeps their upper levels in memory once the store reaches millions of statements.
        if (!isSqlServer) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536");
        return new WriterConnection(db, isSqlServer);
    }

    public async Task<DbTransaction> BeginAsync()
    {
        // SQLite: BEGIN IMMEDIATE (the provider's default), so the write lock is held from the start and
        // writers of every node take turns. SQL Server: an exclusive application lock held to the end of
        // the transaction does the same, so identity values are handed out in commit order and the
        // conflict check of one node sees what another committed (a 409, not a unique-index 500).
        transaction = await connection.BeginTransactionAsync();
        foreach (var command in prepared.Values) command.Transaction = transaction;
        if (isSqlServer)
        {
            await using var applock = connection.CreateCommand();
            applock.Transaction = transaction;
            applock.CommandText = "DECLARE @result int; EXEC @result = sp_getapplock @Resource = N'Academy.XapiStatements', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 30000; SELECT @result;";
            if (Convert.ToInt32(await applock.ExecuteScalarAsync(), CultureInfo.InvariantCulture) < 0)
                throw new TimeoutException("Another node held the statement writer's lock for 30 s.");
        }
        return transaction;
    }

    private DbCommand Prepared(string text, params string[] names)
    {
        if (!prepared.TryGetValue(text, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = text;
            foreach (var name in names)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            command.Transaction = transaction;
            // SqlClient's Prepare wants every parameter's type and size; sp_executesql caches the plan anyway.
            if (!isSqlServer) command.Prepare();
            prepared[text] = command;
        }
        return command;
    }

    private static DbCommand With(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command;
    }

    public async Task<(long Sequence, long StoredTicks)> LastAsync()
    {
        var command = Prepared(isSqlServer
            ? "SELECT TOP 1 Sequence, StoredTicks FROM XapiStatements ORDER BY Sequence DESC"
            : "SELECT Sequence, StoredTicks FROM XapiStatements ORDER BY Sequence DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetInt64(1)) : (0, 0);
    }

    public async Task<string?> FindJsonAsync(Guid id) =>
        await With(Prepared("SELECT Json FROM XapiStatements WHERE Id = @id", "@id"), id.ToString()).ExecuteScalarAsync() as string;

    /// SQLite takes the sequence the writer counted; SQL Server's identity column gives its own.
    public async Task<long> InsertStatementAsync(long sequence, PreparedStatement statement, long storedTicks, int credentialId, string json)
    {
        if (isSqlServer)
        {
            var command = Prepared("INSERT INTO XapiStatements (Id, StoredTicks, CredentialId, IsVoiding, Voided, Version, Json) OUTPUT INSERTED.Sequence VALUES (@id, @stored, @credential, @voiding, @voided, @version, @json)",
                "@id", "@stored", "@credential", "@voiding", "@voided", "@version", "@json");
            return Convert.ToInt64(await With(command, statement.Id.ToString(), storedTicks, credentialId, statement.Voids is not null, false, statement.Version, json).ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        var insert = Prepared("INSERT INTO XapiStatements (Sequence, Id, StoredTicks, CredentialId, IsVoiding, Voided, Version, Json) VALUES (@sequence, @id, @stored, @credential, @voiding, @voided, @version, @json)",
            "@sequence", "@id", "@stored", "@credential", "@voiding", "@voided", "@version", "@json");
        await With(insert, sequence, statement.Id.ToString(), storedTicks, credentialId, statement.Voids is not null, false, statement.Version, json).ExecuteNonQueryAsync();
        return sequence;
    }

    public Task<int> InsertKeyAsync(StatementKeyKind kind, byte[] hash, long sequence) =>
        With(Prepared("INSERT INTO XapiStatementKeys (Kind, Hash, Sequence) VALUES (@kind, @hash, @sequence)", "@kind", "@hash", "@sequence"), (byte)kind, hash, sequence).ExecuteNonQueryAsync();

    public Task<int> InsertKeyIfMissingAsync(StatementKeyKind kind, byte[] hash, long sequence) =>
        With(Prepared("INSERT INTO XapiStatementKeys (Kind, Hash, Sequence) SELECT @kind, @hash, @sequence WHERE NOT EXISTS (SELECT 1 FROM XapiStatementKeys WHERE Kind = @kind AND Hash = @hash AND Sequence = @sequence)", "@kind", "@hash", "@sequence"), (byte)kind, hash, sequence).ExecuteNonQueryAsync();

    public async Task<List<long>> ReferrersAsync(byte[] idHash)
    {
        var command = With(Prepared("SELECT Sequence FROM XapiStatementKeys WHERE Kind = @kind AND Hash = @hash", "@kind", "@hash"), (byte)StatementKeyKind.StatementRef, idHash);
        var sequences = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) sequences.Add(reader.GetInt64(0));
        return sequences;
    }

    public Task<int> VoidAsync(Guid target) =>
        With(Prepared("UPDATE XapiStatements SET Voided = @true WHERE Id = @target AND IsVoiding = @false", "@true", "@false", "@target"), true, false, target.ToString()).ExecuteNonQueryAsync();

    public async Task StoreAttachmentAsync(XapiAttachment attachment)
    {
        var exists = Convert.ToInt64(await With(Prepared("SELECT COUNT(*) FROM XapiAttachments WHERE Sha2 = @sha", "@sha"), attachment.Sha2).ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0;
        if (!exists)
            await With(Prepared("INSERT INTO XapiAttachments (Sha2, ContentType, Length, Content) VALUES (@sha, @type, @length, @content)", "@sha", "@type", "@length", "@content"),
                attachment.Sha2, attachment.ContentType, attachment.Length, attachment.Content).ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in prepared.Values) await command.DisposeAsync();
        await db.DisposeAsync();
    }
}

/// Parameterised commands for the reader (raw ADO.NET: EF's materialisation would cost more than the reads).
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
