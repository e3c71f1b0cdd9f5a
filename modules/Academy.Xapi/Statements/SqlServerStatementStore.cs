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
