using Academy.Exemplars.Data;
using Academy.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Tests.Migrations;

/// The four pairs of Exemplars migrations were squashed into one Initial per provider (issue 14 §2). The squashed
/// migration keeps the first old migration's id, so that a database the old chain had fully migrated reads as up to
/// date: renaming it would make the site create the tables again at start, and fail on the ones already there.
public sealed class SquashedMigrationsTests
{
    private const string SqliteInitial = "20261125071727_Initial";
    private const string SqlServerInitial = "20261125071739_Initial";
    private static readonly string[] OldSqliteChain = [SqliteInitial, "20261125072747_Tracking", "20261125094104_Blueprints", "20261125100555_AuditTrailByField"];

    [Fact]
    public void Migrations_AreOneInitialPerProvider_WithTheFirstOldMigrationsId()
    {
        using var sqlite = new SqliteExemplarsDbContext(new DbContextOptionsBuilder<SqliteExemplarsDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var sqlServer = new SqlServerExemplarsDbContext(new DbContextOptionsBuilder<SqlServerExemplarsDbContext>()
            .UseSqlServer("Server=does-not-exist.invalid;Database=Academy;TrustServerCertificate=True").Options);

        Assert.Equal([SqliteInitial], sqlite.Database.GetMigrations());
        Assert.Equal([SqlServerInitial], sqlServer.Database.GetMigrations());
    }

    /// The old chain's schema is the squashed one's apart from the order of columns in two tables (compared when
    /// squashing), so the database here differs from an old one only in its history, which is rewritten as the
    /// old chain left it.
    [Fact]
    public async Task Start_OnADatabaseTheOldChainMigrated_AppliesNothingAndServesTheTracker()
    {
        var folder = Path.Combine(Path.GetTempPath(), "academy-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = AcademySite.Create(folder))
                await first.SignInAsAdministratorAsync();
            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "academy.db")};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var rewrite = connection.CreateCommand();
                rewrite.CommandText = $"""
                    CREATE TEMP TABLE kept AS SELECT ProductVersion FROM "{ExemplarsDbContext.MigrationsHistoryTable}" WHERE MigrationId = '{SqliteInitial}';
                    DELETE FROM "{ExemplarsDbContext.MigrationsHistoryTable}";
                    {string.Concat(OldSqliteChain.Select(id => $"INSERT INTO \"{ExemplarsDbContext.MigrationsHistoryTable}\" (MigrationId, ProductVersion) SELECT '{id}', ProductVersion FROM kept;\n"))}
                    """;
                await rewrite.ExecuteNonQueryAsync();
            }
            Assert.Equal(OldSqliteChain, await HistoryAsync(folder));

            await using var restarted = AcademySite.Create(folder);
            var admin = await restarted.SignInAsAdministratorAsync();
            var health = await restarted.CreateAnonymousClient().GetAsync("/health");
            var trustPage = await admin.GetStringAsync("/exemplars/trusts/RLN");

            Assert.True(health.IsSuccessStatusCode, await health.Content.ReadAsStringAsync());
            Assert.Contains("City Hospitals Sunderland NHS Foundation Trust", Html.Text(trustPage));
            Assert.Equal(OldSqliteChain, await HistoryAsync(folder));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<string>> HistoryAsync(string folder)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "academy.db")};Pooling=False");
        await connection.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = $"SELECT MigrationId FROM \"{ExemplarsDbContext.MigrationsHistoryTable}\" ORDER BY MigrationId";
        var ids = new List<string>();
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }
}
