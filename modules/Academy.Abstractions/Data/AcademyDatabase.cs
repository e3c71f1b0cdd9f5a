using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Academy.Data;

public enum DatabaseProvider { Sqlite, SqlServer }

/// The one database every module keeps its tables in: which provider, which connection string,
/// and where on-disk state lives. Read once from configuration (Academy:DataFolder,
/// Academy:Database:Provider, ConnectionStrings:Academy).
public sealed class AcademyDatabase
{
    public AcademyDatabase(DatabaseProvider provider, string connectionString, string dataFolder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataFolder = dataFolder;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public string DataFolder { get; }

    public static AcademyDatabase FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var dataFolder = Path.GetFullPath(configuration["Academy:DataFolder"] is { Length: > 0 } folder
            ? Path.Combine(contentRoot, folder)
            : Path.Combine(contentRoot, "App_Data"));
        Directory.CreateDirectory(dataFolder);

        var providerName = configuration["Academy:Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerName) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var p) ? p
            : throw new InvalidOperationException(
                $"Academy:Database:Provider is '{providerName}'; use 'Sqlite' or 'SqlServer'.");

        var connectionString = configuration.GetConnectionString("Academy");
        if (provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("ConnectionStrings:Academy is required when Academy:Database:Provider is SqlServer.");
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            // Relative SQLite paths resolve against the process's working directory, which differs
            // between `dotnet run` and `dotnet X.dll`: anchor them in the data folder instead.
            var builder = new SqliteConnectionStringBuilder(
                string.IsNullOrWhiteSpace(connectionString) ? "Data Source=academy.db" : connectionString);
            if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            {
                builder.DataSource = Path.Combine(dataFolder, builder.DataSource);
            }
            builder.Pooling = true;
            builder.DefaultTimeout = 30;
            connectionString = builder.ToString();
        }

        return new AcademyDatabase(provider, connectionString!, dataFolder);
    }

    public string PathInDataFolder(params string[] parts) => Path.Combine([DataFolder, .. parts]);

    public DbConnection CreateConnection() => Provider switch
    {
        DatabaseProvider.SqlServer => new SqlConnection(ConnectionString),
        _ => new SqliteConnection(ConnectionString),
    };

    /// Points a module's context at this database, on its own connection or on one that is shared
    /// so that several modules' changes commit in one transaction.
    public void Configure(DbContextOptionsBuilder options, string migrationsHistoryTable, DbConnection? connection = null)
    {
        switch (Provider)
        {
            case DatabaseProvider.SqlServer:
                if (connection is null)
                    options.UseSqlServer(ConnectionString, o => o.MigrationsHistoryTable(migrationsHistoryTable).EnableRetryOnFailure());
                else
                    options.UseSqlServer(connection, o => o.MigrationsHistoryTable(migrationsHistoryTable));
                break;
            default:
                if (connection is null)
                    options.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable(migrationsHistoryTable));
                else
                    options.UseSqlite(connection, o => o.MigrationsHistoryTable(migrationsHistoryTable));
                options.AddInterceptors(SqlitePragmas.Instance);
                break;
        }
    }
}
