using Academy.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Xapi.Documents.Data;

/// The LRS's documents (Communication 2.2): State, Activity Profile and Agent Profile. Kept apart
/// from the statements so that each can change its tables without touching the other.
public class XapiDocumentsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__XapiDocumentsMigrations";

    public DbSet<XapiDocument> Documents => Set<XapiDocument>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseAcademyConventions(this);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<XapiDocument>(document =>
        {
            document.ToTable("XapiDocuments");
            // Activity ids, agents and document ids are unbounded strings: the unique key is their
            // 32-byte hash, which fits SQL Server's 900-byte index key whatever their length.
            document.HasIndex(d => d.Key).IsUnique();
            document.Property(d => d.Key).HasMaxLength(32).IsFixedLength();
            // GET and DELETE of several documents: one range of (context, updated).
            document.HasIndex(d => new { d.ContextKey, d.UpdatedTicks });
            document.Property(d => d.ContextKey).HasMaxLength(32).IsFixedLength();
            document.Property(d => d.Registration).HasMaxLength(36).IsUnicode(false);
            document.Property(d => d.ContentType).HasMaxLength(255);
            document.Property(d => d.ETag).HasMaxLength(40).IsUnicode(false).IsConcurrencyToken();
        });
    }
}

public sealed class SqliteXapiDocumentsDbContext(DbContextOptions<SqliteXapiDocumentsDbContext> options) : XapiDocumentsDbContext(options);

public sealed class SqlServerXapiDocumentsDbContext(DbContextOptions<SqlServerXapiDocumentsDbContext> options) : XapiDocumentsDbContext(options);

public sealed class SqliteXapiDocumentsDesignTimeFactory() : SqliteDesignTimeFactory<SqliteXapiDocumentsDbContext>(XapiDocumentsDbContext.MigrationsHistoryTable);

public sealed class SqlServerXapiDocumentsDesignTimeFactory() : SqlServerDesignTimeFactory<SqlServerXapiDocumentsDbContext>(XapiDocumentsDbContext.MigrationsHistoryTable);

public enum XapiDocumentResource : byte
{
    State = 1,
    ActivityProfile = 2,
    AgentProfile = 3,
}

/// One document: its content as sent (bytes and Content-Type), its ETag and when it last changed.
public sealed class XapiDocument
{
    public long Id { get; set; }
    public XapiDocumentResource Resource { get; set; }
    /// SHA-256 of (resource, activity, agent, registration, document id): names one document.
    public byte[] Key { get; set; } = [];
    /// SHA-256 of (resource, activity, agent): the documents a multiple GET or DELETE addresses.
    public byte[] ContextKey { get; set; } = [];
    public string? ActivityId { get; set; }
    /// The agent's identity (objectType and inverse functional identifier), as the statement keys use it.
    public string? Agent { get; set; }
    /// Lower case UUID, or null for a document outside any registration.
    public string? Registration { get; set; }
    public string DocumentId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
    /// Lower case hex SHA-1 of the content (Communication 3.1), unquoted.
    public string ETag { get; set; } = "";
    /// UTC ticks of the last change ("updated", Communication 2.2).
    public long UpdatedTicks { get; set; }
}
