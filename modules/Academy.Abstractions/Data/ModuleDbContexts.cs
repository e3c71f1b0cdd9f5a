using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Academy.Data;

/// Each module keeps its own DbContext, its own migrations for each provider and its own migrations
/// history table, so a module can change its tables without touching anyone else's. The context a
/// module writes is an abstract-free base class; one subclass per provider carries that provider's
/// migrations (see shared/STACK.md, "Two providers' migrations").
public static class ModuleDbContexts
{
    public static AcademyDatabase AcademyDatabase(this WebApplicationBuilder builder)
    {
        var existing = builder.Services.FirstOrDefault(d => d.ServiceType == typeof(AcademyDatabase))?.ImplementationInstance;
        if (existing is AcademyDatabase database) return database;

        database = Data.AcademyDatabase.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(database);
        return database;
    }

    public static void AddModuleDbContext<TContext, TSqlite, TSqlServer>(this WebApplicationBuilder builder, string migrationsHistoryTable)
        where TContext : DbContext
        where TSqlite : TContext
        where TSqlServer : TContext
    {
        var database = builder.AcademyDatabase();
        var providerContext = database.Provider == DatabaseProvider.SqlServer ? typeof(TSqlServer) : typeof(TSqlite);
        // Every context takes the interceptors registered in DI, the audit trail's among them (it acts only on a
        // context that is an IAuditTrailContext), however it is made: per request, by a job or by a recipe.
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterceptor, AuditTrailInterceptor>());
        builder.Services.AddSingleton(services =>
            new ModuleDbContextFactory<TContext>(database, providerContext, migrationsHistoryTable, services.GetServices<IInterceptor>().ToArray()));
        builder.Services.AddSingleton<IModuleDbContextFactory>(services => services.GetRequiredService<ModuleDbContextFactory<TContext>>());
        builder.Services.AddScoped(services => services.GetRequiredService<ModuleDbContextFactory<TContext>>().Create());
    }
}

public interface IModuleDbContextFactory
{
    Type ContextType { get; }
    DbContext CreateContext();
}

public sealed class ModuleDbContextFactory<TContext>(AcademyDatabase database, Type providerContext, string migrationsHistoryTable, IReadOnlyList<IInterceptor> interceptors)
    : IModuleDbContextFactory where TContext : DbContext
{
    public Type ContextType => typeof(TContext);

    // Options on the configured connection string are the same for every context: built once (issue 12 §3).
    private DbContextOptions? shared;

    public TContext Create() => (TContext)Activator.CreateInstance(providerContext, shared ??= Options(connection: null))!;

    /// A context on a connection (and transaction) that another module already holds, so that both
    /// modules' changes commit or roll back together.
    public TContext CreateOn(DbConnection connection, DbTransaction? transaction)
    {
        var context = Build(connection);
        if (transaction is not null) context.Database.UseTransaction(transaction);
        return context;
    }

    DbContext IModuleDbContextFactory.CreateContext() => Create();

    private TContext Build(DbConnection? connection) => (TContext)Activator.CreateInstance(providerContext, Options(connection))!;

    private DbContextOptions Options(DbConnection? connection)
    {
        var optionsType = typeof(DbContextOptionsBuilder<>).MakeGenericType(providerContext);
        var options = (DbContextOptionsBuilder)Activator.CreateInstance(optionsType)!;
        database.Configure(options, migrationsHistoryTable, connection);
        if (interceptors.Count > 0) options.AddInterceptors(interceptors);
        return options.Options;
    }
}
