using Academy.Xapi.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Xapi.Statements;

/// SQLite's statement SQL. The provider begins every transaction IMMEDIATE, so the write lock is held
/// from BEGIN and writers of every process on the file take turns; the writer counts the sequence
/// itself (MAX + 1 under that lock).
internal sealed class SqliteStatementStore(XapiDbContext db) : StatementStore(db)
{
    protected override bool PreparesCommands => true;

    // The key and id indexes take random inserts: a 64 MB page cache (SQLite's default is 2 MB)
    // keeps their upper levels in memory once the store reaches millions of statements.
    protected override async Task OpenedAsync()
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size = -65536";
        await command.ExecuteNonQueryAsync();
    }

    public override Task<(long Sequence, long StoredTicks)> LastAsync() =>
        ReadLastAsync(Prepared("SELECT Sequence, StoredTicks FROM XapiStatements ORDER BY Sequence DESC LIMIT 1"));

    public override async Task<long> InsertStatementAsync(long sequence, PreparedStatement statement, long storedTicks, int credentialId, string json)
    {
        var insert = Prepared("INSERT INTO XapiStatements (Sequence, Id, StoredTicks, CredentialId, IsVoiding, Voided, Version, Json) VALUES (@sequence, @id, @stored, @credential, @voiding, @voided, @version, @json)",
            "@sequence", "@id", "@stored", "@credential", "@voiding", "@voided", "@version", "@json");
        await With(insert, sequence, statement.Id.ToString(), storedTicks, credentialId, statement.Voids is not null, false, statement.Version, json).ExecuteNonQueryAsync();
        return sequence;
    }
}

/// SQLite's read SQL: LIMIT; one writer commits in sequence order, so the feed reads plainly.
internal sealed class SqliteStatementProvider : StatementProvider
{
    public override StatementStore CreateStore(XapiDbContext db) => new SqliteStatementStore(db);

    public override string First(int count, string columns, string fromWhere, string orderBy) =>
        $"SELECT {columns} {fromWhere} ORDER BY {orderBy} LIMIT {count}";

    public override string FeedPage(int max) =>
        $"SELECT Sequence, Json, StoredTicks FROM XapiStatements WHERE Sequence > @after ORDER BY Sequence LIMIT {max}";
}
