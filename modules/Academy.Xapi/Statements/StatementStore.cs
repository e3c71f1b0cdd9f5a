using System.Data.Common;
using System.Globalization;
using Academy.Data;
using Academy.Xapi.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Xapi.Statements;

/// The statement writer's connection and its prepared commands (issue 12 §3: kept open, each command
/// compiled once). The SQL both providers read alike is here; where they differ (the write lock, the
/// newest row, who numbers the sequence) each provider's store holds its own: SqliteStatementStore and
/// SqlServerStatementStore, beside that provider's read SQL (StatementProvider; issue 12 §5).
internal abstract class StatementStore : IAsyncDisposable
{
    private readonly XapiDbContext db;
    private readonly Dictionary<string, DbCommand> prepared = [];

    protected StatementStore(XapiDbContext db)
    {
        this.db = db;
        Connection = db.Database.GetDbConnection();
    }

    protected DbConnection Connection { get; }
    protected DbTransaction? Transaction { get; private set; }

    public static async Task<StatementStore> OpenAsync(ModuleDbContextFactory<XapiDbContext> contexts, StatementProvider provider)
    {
        var db = contexts.Create();
        try
        {
            await db.Database.OpenConnectionAsync();
            var store = provider.CreateStore(db);
            await store.OpenedAsync();
            return store;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// Once, when the connection has opened: the provider's connection settings.
    protected virtual Task OpenedAsync() => Task.CompletedTask;

    /// Begins the write transaction with the lock that makes writers of every node take turns, so the
    /// order and the stored time read next come from the database (issue 12 §4).
    public async Task<DbTransaction> BeginAsync()
    {
        Transaction = await Connection.BeginTransactionAsync();
        foreach (var command in prepared.Values) command.Transaction = Transaction;
        await LockAsync();
        return Transaction;
    }

    protected virtual Task LockAsync() => Task.CompletedTask;

    /// The newest statement's sequence and stored time (0, 0 when there is none), inside the transaction.
    public abstract Task<(long Sequence, long StoredTicks)> LastAsync();

    /// Inserts the statement's row and answers its sequence: the one the writer counted, or the
    /// database's own where it numbers rows itself.
    public abstract Task<long> InsertStatementAsync(long sequence, PreparedStatement statement, long storedTicks, int credentialId, string json);

    protected abstract bool PreparesCommands { get; }

    protected DbCommand Prepared(string text, params string[] names)
    {
        if (!prepared.TryGetValue(text, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = text;
            foreach (var name in names)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            command.Transaction = Transaction;
            if (PreparesCommands) command.Prepare();
            prepared[text] = command;
        }
        return command;
    }

    protected static DbCommand With(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command;
    }

    protected static async Task<(long, long)> ReadLastAsync(DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetInt64(1)) : (0, 0);
    }

    public async Task<string?> FindJsonAsync(Guid id) =>
        await With(Prepared("SELECT Json FROM XapiStatements WHERE Id = @id", "@id"), id.ToString()).ExecuteScalarAsync() as string;

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
