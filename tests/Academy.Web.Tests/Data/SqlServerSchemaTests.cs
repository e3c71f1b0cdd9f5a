using Academy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Web.Tests.Data;

/// No SQL Server runs here, so the SQL Server schema is built offline: every module's model must
/// generate its creation script, match its migrations, and avoid what only SQL Server rejects at
/// CREATE time (keys over 900 bytes, indexes over 1,700 bytes, several cascade paths to one table).
public sealed class SqlServerSchemaTests(AcademySite site) : IClassFixture<AcademySite>
{
    public static TheoryData<string> Modules() => new(ModuleContexts.All.Keys);

    [Theory, MemberData(nameof(Modules))]
    public void SqlServerModel_GeneratesItsCreationScript(string module)
    {
        using var db = ModuleContexts.SqlServer(module);

        var script = db.Database.GenerateCreateScript();

        Assert.Contains("CREATE TABLE", script);
    }

    [Theory, MemberData(nameof(Modules))]
    public void Migrations_AreInStepWithTheModel_ForBothProviders(string module)
    {
        using var sqlServer = ModuleContexts.SqlServer(module);
        using var sqlite = ModuleContexts.Sqlite(module);

        Assert.False(sqlServer.Database.HasPendingModelChanges(), $"{module}: the SQL Server model has changes with no migration (run eng/add-migration.sh).");
        Assert.False(sqlite.Database.HasPendingModelChanges(), $"{module}: the SQLite model has changes with no migration (run eng/add-migration.sh).");
    }

    [Theory, MemberData(nameof(Modules))]
    public void SqlServerKeysAndIndexes_FitSqlServersLimits(string module)
    {
        using var db = ModuleContexts.SqlServer(module);
        var problems = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            foreach (var key in entity.GetKeys())
            {
                var bytes = Bytes(key.Properties);
                // ASP.NET Identity declares its composite login/token keys at 1,800+ bytes; SQL Server allows
                // them with a warning and the values are short in practice.
                if (bytes > 900 && !entity.GetTableName()!.StartsWith("AspNetUser", StringComparison.Ordinal))
                    problems.Add($"{entity.GetTableName()} key ({string.Join(", ", key.Properties.Select(p => p.Name))}) is {bytes} bytes (limit 900)");
            }
            foreach (var index in entity.GetIndexes())
            {
                var bytes = Bytes(index.Properties);
                if (bytes > 1700) problems.Add($"{entity.GetTableName()} index ({string.Join(", ", index.Properties.Select(p => p.Name))}) is {bytes} bytes (limit 1700)");
            }
        }
        problems.AddRange(MultipleCascadePaths(db.Model));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void SqlServerModel_GivesEveryDecimalAPrecision()
    {
        foreach (var module in ModuleContexts.All.Keys)
        {
            using var db = ModuleContexts.SqlServer(module, warningsAsErrors: true);
            _ = db.Model; // building the model throws on a decimal without precision
        }
    }

    [Fact]
    public async Task EfAndHangfire_UseTheSameSqliteLibrary()
    {
        var database = site.Services.GetRequiredService<AcademyDatabase>();
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "select sqlite_version()";
        var efVersion = (string)(await command.ExecuteScalarAsync())!;

        using var hangfireSide = new SQLite.SQLiteConnection(Path.Combine(site.DataFolder, "jobs.db"));
        var hangfireVersion = hangfireSide.ExecuteScalar<string>("select sqlite_version()");

        Assert.Equal(efVersion, hangfireVersion);
    }

    private static int Bytes(IEnumerable<IProperty> properties) => properties.Sum(p =>
    {
        var type = Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType;
        if (type == typeof(string))
        {
            // The column type SQL Server will be given, e.g. nvarchar(450) for a key; max cannot be indexed at all.
            var column = p.GetColumnType();
            var open = column.IndexOf('(');
            var length = column[(open + 1)..^1];
            return length == "max" ? int.MaxValue / 4 : int.Parse(length) * (column.StartsWith("n", StringComparison.Ordinal) ? 2 : 1);
        }
        if (type == typeof(Guid)) return 16;
        if (type == typeof(byte[])) return p.GetMaxLength() ?? 8000;
        if (type == typeof(long) || type == typeof(DateTime) || type == typeof(DateTimeOffset)) return type == typeof(DateTimeOffset) ? 10 : 8;
        if (type == typeof(decimal)) return 9;
        return 4;
    });

    /// SQL Server error 1785: a table reachable by two cascading delete paths from the same table.
    private static IEnumerable<string> MultipleCascadePaths(IModel model)
    {
        foreach (var root in model.GetEntityTypes())
        {
            var reached = new Dictionary<IEntityType, int>();
            var queue = new Queue<IEntityType>([root]);
            var seenEdges = new HashSet<IForeignKey>();
            while (queue.Count > 0)
            {
                var current = queue.Dequeue();
                foreach (var fk in current.GetReferencingForeignKeys().Where(f => f.DeleteBehavior == DeleteBehavior.Cascade))
                {
                    if (!seenEdges.Add(fk)) continue;
                    reached[fk.DeclaringEntityType] = reached.GetValueOrDefault(fk.DeclaringEntityType) + 1;
                    queue.Enqueue(fk.DeclaringEntityType);
                }
            }
            foreach (var (table, paths) in reached.Where(r => r.Value > 1))
                yield return $"{table.GetTableName()} has {paths} cascading delete paths from {root.GetTableName()}";
        }
    }
}
