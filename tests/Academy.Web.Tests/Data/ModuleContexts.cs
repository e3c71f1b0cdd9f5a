using Academy.Exemplars.Data;
using Academy.Identity.Data;
using Academy.Learning.Data;
using Academy.Notifications.Data;
using Academy.Xapi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Academy.Web.Tests.Data;

/// Every module's provider contexts, built offline (no SQL Server needed). A module with data adds itself here.
public static class ModuleContexts
{
    public static readonly Dictionary<string, (Type Sqlite, Type SqlServer)> All = new()
    {
        ["Accounts"] = (typeof(SqliteAccountsDbContext), typeof(SqlServerAccountsDbContext)),
        ["Notifications"] = (typeof(SqliteNotificationsDbContext), typeof(SqlServerNotificationsDbContext)),
        ["Exemplars"] = (typeof(SqliteExemplarsDbContext), typeof(SqlServerExemplarsDbContext)),
        ["Learning"] = (typeof(SqliteLearningDbContext), typeof(SqlServerLearningDbContext)),
        ["Xapi"] = (typeof(SqliteXapiDbContext), typeof(SqlServerXapiDbContext)),
        ["XapiDocuments"] = (typeof(Academy.Xapi.Documents.Data.SqliteXapiDocumentsDbContext), typeof(Academy.Xapi.Documents.Data.SqlServerXapiDocumentsDbContext)),
    };

    public static DbContext SqlServer(string module, bool warningsAsErrors = false)
    {
        var type = All[module].SqlServer;
        var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type))!;
        options.UseSqlServer("Server=does-not-exist.invalid;Database=Academy;TrustServerCertificate=True");
        if (warningsAsErrors) options.ConfigureWarnings(w => w.Throw(SqlServerEventId.DecimalTypeDefaultWarning));
        return (DbContext)Activator.CreateInstance(type, options.Options)!;
    }

    public static DbContext Sqlite(string module)
    {
        var type = All[module].Sqlite;
        var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type))!;
        options.UseSqlite("Data Source=:memory:");
        return (DbContext)Activator.CreateInstance(type, options.Options)!;
    }
}
