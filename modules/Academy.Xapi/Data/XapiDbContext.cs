using Academy.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Xapi.Data;

/// The LRS's statements and the credentials that write and read them. The document resources
/// (state, profiles) keep their own context in Documents/.
public class XapiDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__XapiMigrations";

    public DbSet<XapiCredential> Credentials => Set<XapiCredential>();
    public DbSet<XapiStatement> Statements => Set<XapiStatement>();
    public DbSet<XapiStatementKey> StatementKeys => Set<XapiStatementKey>();
    public DbSet<XapiAttachment> Attachments => Set<XapiAttachment>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseAcademyConventions(this);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<XapiCredential>(credential =>
        {
            credential.ToTable("XapiCredentials");
            credential.HasIndex(c => c.Key).IsUnique();
            credential.Property(c => c.Key).HasMaxLength(100);
            credential.Property(c => c.Name).HasMaxLength(200);
            credential.Property(c => c.SecretHash).HasMaxLength(200);
            credential.Property(c => c.Scopes).HasMaxLength(400);
            credential.Property(c => c.CreatedBy).HasMaxLength(256);
            // Launch credentials (Launch/LaunchCredentials.cs): revoked by learner at sign-out, deleted once expired.
            credential.Property(c => c.LaunchAgent).HasMaxLength(600);
            credential.Property(c => c.LaunchActivityId).HasMaxLength(2000);
            credential.HasIndex(c => c.LaunchAgent);
            credential.Property(c => c.Cmi5SessionId).HasMaxLength(100);
            credential.Property(c => c.Cmi5LaunchMode).HasMaxLength(20);
            credential.Property(c => c.Cmi5MasteryScore).HasPrecision(9, 6);
            credential.HasIndex(c => c.ExpiresAt);
        });
        builder.Entity<XapiStatement>(statement =>
        {
            statement.ToTable("XapiStatements");
            statement.HasKey(s => s.Sequence);
            statement.Property(s => s.Sequence).ValueGeneratedOnAdd();
            statement.HasIndex(s => s.Id).IsUnique();
            statement.HasIndex(s => s.StoredTicks);
            // "mine": a credential reads what it stored, newest first.
            statement.HasIndex(s => new { s.CredentialId, s.Sequence });
            statement.Property(s => s.Id).HasMaxLength(36).IsUnicode(false);
            statement.Property(s => s.Version).HasMaxLength(20);
        });
        builder.Entity<XapiStatementKey>(key =>
        {
            // Every filter of a statement query is one seek here: (kind, 16-byte hash of the value),
            // already in stored order, so a page is a range scan whatever the table's size.
            key.ToTable("XapiStatementKeys");
            key.HasKey(k => new { k.Kind, k.Hash, k.Sequence });
            key.Property(k => k.Hash).HasMaxLength(16).IsFixedLength();
        });
        builder.Entity<XapiAttachment>(attachment =>
        {
            attachment.ToTable("XapiAttachments");
            attachment.HasKey(a => a.Sha2);
            attachment.Property(a => a.Sha2).HasMaxLength(128).IsUnicode(false);
            attachment.Property(a => a.ContentType).HasMaxLength(255);
        });
    }
}

public sealed class SqliteXapiDbContext(DbContextOptions<SqliteXapiDbContext> options) : XapiDbContext(options);

public sealed class SqlServerXapiDbContext(DbContextOptions<SqlServerXapiDbContext> options) : XapiDbContext(options);

public sealed class SqliteXapiDesignTimeFactory() : SqliteDesignTimeFactory<SqliteXapiDbContext>(XapiDbContext.MigrationsHistoryTable);

public sealed class SqlServerXapiDesignTimeFactory() : SqlServerDesignTimeFactory<SqlServerXapiDbContext>(XapiDbContext.MigrationsHistoryTable);

/// A key and secret an administrator issued to an activity provider (HTTP Basic), with its scopes.
public sealed class XapiCredential
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    /// "sha256:&lt;base64&gt;" for secrets the LRS generated (256 random bits), "pbkdf2:..." for secrets a person chose.
    public string SecretHash { get; set; } = "";
    /// Space-separated scope names (see <see cref="Protocol.XapiScopes"/>).
    public string Scopes { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// When the credential stops working (401); null for an administrator's credential, which lasts until revoked.
    public DateTimeOffset? ExpiresAt { get; set; }
    /// For a launch credential: the learner it acts for, as the statement keys name an agent
    /// ("Agent|account|{homePage}|{name}"), and the registration and course activity it was issued for.
    public string? LaunchAgent { get; set; }
    public Guid? LaunchRegistration { get; set; }
    public string? LaunchActivityId { get; set; }
    /// For a cmi5 AU's launch credential (Launch/Cmi5Rules.cs): the session, mastery score, launch mode, and what the
    /// session has sent so far (Cmi5Rules.State flags).
    public string? Cmi5SessionId { get; set; }
    public decimal? Cmi5MasteryScore { get; set; }
    public string? Cmi5LaunchMode { get; set; }
    public int Cmi5State { get; set; }
    /// When the session's terminated statement was stored: statements of the session are refused once the grace period
    /// (XapiOptions.Cmi5TerminatedGracePeriod) after it has passed (cmi5 9.3.8).
    public DateTimeOffset? Cmi5TerminatedAt { get; set; }
}

/// One stored statement. The JSON is kept as stored (with the LRS's id, stored, timestamp, authority
/// and version); the columns are what queries filter and order on.
public sealed class XapiStatement
{
    /// Stored order: assigned in commit order by the one writer, so paging by it is stable.
    public long Sequence { get; set; }
    /// The statement id, lower case ("D" format), as text so that raw SQL binds it the same way on both providers.
    public string Id { get; set; } = "";
    /// UTC ticks of "stored" (provider-neutral, sortable).
    public long StoredTicks { get; set; }
    public int CredentialId { get; set; }
    public bool IsVoiding { get; set; }
    public bool Voided { get; set; }
    public string Version { get; set; } = "";
    public string Json { get; set; } = "";
}

public enum StatementKeyKind : byte
{
    Agent = 1,              // actor or object (the agent parameter)
    RelatedAgent = 2,       // also authority, instructor, team, and inside a SubStatement
    Activity = 3,           // object (the activity parameter)
    RelatedActivity = 4,    // also context activities, and inside a SubStatement
    Verb = 5,
    Registration = 6,
    // Not a filter: the id of the statement a StatementRef (voiding ones included) targets, so that a
    // target stored after the statement that refers to it can still give that statement its keys.
    StatementRef = 7,
}

public sealed class XapiStatementKey
{
    public StatementKeyKind Kind { get; set; }
    public byte[] Hash { get; set; } = [];
    public long Sequence { get; set; }
}

/// Attachment content, stored once per SHA-2 however many statements carry it.
public sealed class XapiAttachment
{
    public string Sha2 { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public byte[] Content { get; set; } = [];
}
