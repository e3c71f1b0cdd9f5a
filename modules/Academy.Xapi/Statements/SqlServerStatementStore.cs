using System.Globalization;
using Academy.Xapi.Data;

namespace Academy.Xapi.Statements;

/// SQL Server's statement SQL. An exclusive application lock held to the end of the transaction (READ
/// COMMITTED) makes writers of every node take turns, so identity values are handed out in commit order
/// and one node's conflict check sees what another committed (a 409, not a unique-index 500).
internal sealed class SqlServerStatementStore(XapiDbContext db) : StatementStore(db)
{
    // SqlClient's Prepare wants every parameter's type and size; sp_executesql caches the plan anyway.
    protected override bool PreparesCommands => false;

    protected override async Task LockAsync()
    {
        await using var applock = Connection.CreateCommand();
        applock.Transaction = Transaction;
        applock.CommandText = "DECLARE @result int; EXEC @result = sp_getapplock @Resource = N'Academy.XapiStatements', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 30000; SELECT @result;";
        if (Convert.ToInt32(await applock.ExecuteScalarAsync(), CultureInfo.InvariantCulture) < 0)
            throw new TimeoutException("Another node held the statement writer's lock for 30 s.");
    }

    public override Task<(long Sequence, long StoredTicks)> LastAsync() =>
        ReadLastAsync(Prepared("SELECT TOP 1 Sequence, StoredTicks FROM XapiStatements ORDER BY Sequence DESC"));

    /// The identity column gives the sequence: under the lock, in commit order.
    public override async Task<long> InsertStatementAsync(long sequence, PreparedStatement statement, long storedTicks, int credentialId, string json)
    {
        var command = Prepared("INSERT INTO XapiStatements (Id, StoredTicks, CredentialId, IsVoiding, Voided, Version, Json) OUTPUT INSERTED.Sequence VALUES (@id, @stored, @credential, @voiding, @voided, @version, @json)",
            "@id", "@stored", "@credential", "@voiding", "@voided", "@version", "@json");
        return Convert.ToInt64(await With(command, statement.Id.ToString(), storedTicks, credentialId, statement.Voids is not null, false, statement.Version, json).ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

/// SQL Server's read SQL: TOP, and the feed's locking read.
internal sealed class SqlServerStatementProvider : StatementProvider
{
    public override StatementStore CreateStore(XapiDbContext db) => new SqlServerStatementStore(db);

    public override string First(int count, string columns, string fromWhere, string orderBy) =>
        $"SELECT TOP ({count}) {columns} {fromWhere} ORDER BY {orderBy}";

    // With several web nodes each node's writer takes identity values as it inserts, so node A's 10 can
    // commit after node B's 11. Under snapshot reads (READ_COMMITTED_SNAPSHOT, Azure SQL's default) a
    // reader would see 11, move its cursor past 10 and never read it. READCOMMITTEDLOCK makes the scan wait
    // on the uncommitted row instead.
    public override string FeedPage(int max) =>
        $"SELECT TOP ({max}) Sequence, Json, StoredTicks FROM XapiStatements WITH (READCOMMITTEDLOCK) WHERE Sequence > @after ORDER BY Sequence";
}
