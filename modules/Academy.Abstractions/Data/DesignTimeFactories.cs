using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Academy.Data;

/// Lets `dotnet ef migrations add` build a module's provider context with no database and no host.
/// The SQL Server connection string points nowhere on purpose: migrations are generated offline.
public abstract class SqliteDesignTimeFactory<TContext>(string migrationsHistoryTable) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable(migrationsHistoryTable));
        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
    }
}

public abstract class SqlServerDesignTimeFactory<TContext>(string migrationsHistoryTable) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>()
            .UseSqlServer("Server=does-not-exist.invalid;Database=Academy;Trusted_Connection=True;TrustServerCertificate=True",
                o => o.MigrationsHistoryTable(migrationsHistoryTable));
        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
    }
}
