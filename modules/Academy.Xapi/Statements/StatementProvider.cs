using Academy.Data;
using Academy.Xapi.Data;

namespace Academy.Xapi.Statements;

/// What differs between the database providers in the statement tables' SQL (issue 12 §5). One instance,
/// chosen at start from the configured provider (AddXapiStatements), serves the reader, the feed and the
/// writer, so no query code asks which database it is on. Each provider's subclass lives in the file of
/// its writer store (SqliteStatementStore.cs, SqlServerStatementStore.cs): one file per provider holds
/// all of that provider's statement SQL.
internal abstract class StatementProvider
{
    public static StatementProvider For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.SqlServer => new SqlServerStatementProvider(),
        _ => new SqliteStatementProvider(),
    };

    /// The writer's store on the context's (open) connection.
    public abstract StatementStore CreateStore(XapiDbContext db);

    /// At most count rows of SELECT columns fromWhere ORDER BY orderBy.
    public abstract string First(int count, string columns, string fromWhere, string orderBy);

    /// The feed's page: up to max statements (Sequence, Json, StoredTicks) after @after, in sequence order.
    public abstract string FeedPage(int max);
}
