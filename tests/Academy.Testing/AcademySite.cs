using Academy.Identity.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Testing;

/// The real site (the real Program, the real HTTP pipeline) on a real SQLite file in a temp data
/// folder of its own, set up unattended with the starter recipe unless told otherwise. Deletes its
/// folder when disposed. One per test class (IClassFixture) or per test when state must be fresh.
public class AcademySite : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@academy.test";
    public const string AdminPassword = "correct-horse-battery";

    private readonly Dictionary<string, string?> settings;
    private bool ownsFolder;

    public AcademySite() : this(dataFolder: null) { }

    /// A site with other settings. Pass a folder to start a second site on the same data (a restart);
    /// that site leaves the folder alone. kestrel: a real server on 127.0.0.1 (for a browser).
    public static AcademySite Create(string? dataFolder = null, IDictionary<string, string?>? overrides = null, bool setUp = true, bool kestrel = false, bool? ownsFolder = null) =>
        new(dataFolder, overrides, setUp, kestrel, ownsFolder);

    protected AcademySite(string? dataFolder, IDictionary<string, string?>? overrides = null, bool setUp = true, bool kestrel = false, bool? ownsFolder = null)
    {
        this.ownsFolder = ownsFolder ?? dataFolder is null;
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "academy-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        settings = new Dictionary<string, string?>
        {
            ["Academy:DataFolder"] = DataFolder,
            ["Academy:Jobs:PollIntervalSeconds"] = "1",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        if (setUp)
        {
            settings["Academy:Setup:SiteName"] = "Test Academy";
            settings["Academy:Setup:AdminEmail"] = AdminEmail;
            settings["Academy:Setup:AdminPassword"] = AdminPassword;
            settings["Academy:Setup:Recipe"] = "starter";
        }
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        if (kestrel) UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
    }

    public string DataFolder { get; }
    public string MailPickupFolder => Path.Combine(DataFolder, "mail-pickup");

    /// The root address when the site runs on Kestrel (browser tests), e.g. http://127.0.0.1:41234.
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // The test output has no Academy.Web.staticwebassets.runtime.json of its own: point at the site's,
        // so the theme's files (nhsuk-frontend, academy.css) are served to the browser tests as to `dotnet run`.
        if (SiteStaticWebAssetsManifest() is { } manifest) builder.UseSetting(WebHostDefaults.StaticWebAssetsKey, manifest);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    private static string? SiteStaticWebAssetsManifest()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Academy.sln"))) continue;
            var manifest = Path.Combine(dir.FullName, "site", "Academy.Web", "bin", configuration, framework, "Academy.Web.staticwebassets.runtime.json");
            return File.Exists(manifest) ? manifest : null;
        }
        return null;
    }

    /// baseAddress: the Host the client sends, e.g. an attacker's host name. Unless told, the site's public address
    /// when the test gives it one (an https one makes the site's cookies Secure, which a client on http would not
    /// send back), else http://localhost.
    public HttpClient CreateAnonymousClient(Uri? baseAddress = null) =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = baseAddress ?? DefaultClientAddress });

    private Uri DefaultClientAddress =>
        settings.TryGetValue("Academy:PublicUrl", out var publicUrl) && !string.IsNullOrEmpty(publicUrl) ? new Uri(publicUrl) : new Uri("http://localhost");

    /// A client signed in through the real sign-in page.
    public async Task<HttpClient> SignInAsync(string email, string password, Uri? baseAddress = null)
    {
        var client = CreateAnonymousClient(baseAddress);
        var response = await Forms.PostAsync(client, "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public Task<HttpClient> SignInAsAdministratorAsync() => SignInAsync(AdminEmail, AdminPassword);

    /// Creates an account directly (not through pages) for tests that are about something else.
    public async Task<string> CreateUserAsync(string email, string[] roles, string? trustOdsCode = null, string password = "a-long-enough-password", string? name = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
        var user = new AcademyUser { UserName = email, Email = email, DisplayName = name ?? email.Split('@')[0], TrustOdsCode = trustOdsCode, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0) await users.AddToRolesAsync(user, roles);
        return user.Id;
    }

    public async Task<HttpClient> SignInAsNewUserAsync(string email, string[] roles, string? trustOdsCode = null)
    {
        await CreateUserAsync(email, roles, trustOdsCode);
        return await SignInAsync(email, "a-long-enough-password");
    }

    /// Runs code against a module's services in a scope of its own (to arrange or to check what is stored).
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public IReadOnlyList<string> PickedUpEmails() =>
        Directory.Exists(MailPickupFolder)
            ? Directory.GetFiles(MailPickupFolder, "*.eml").Select(File.ReadAllText).ToList()
            : [];

    /// The first email in the pickup folder that contains the marker, once the outbox has sent it (up to 30 s);
    /// otherwise fails with what the outbox and the job queue hold.
    public async Task<string> WaitForEmailAsync(string marker)
    {
        for (var i = 0; i < 300; i++)
        {
            var email = PickedUpEmails().FirstOrDefault(e => e.Contains(marker, StringComparison.Ordinal));
            if (email is not null) return email;
            await Task.Delay(100);
        }
        var outbox = await WithServicesAsync(async sp => string.Join("; ",
            (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(sp.GetRequiredService<Academy.Notifications.Data.NotificationsDbContext>().OutboxMessages))
                .Select(m => $"{m.To} attempts={m.Attempts} sent={m.SentAt} locked={m.LockedUntil} next={m.NextAttemptAt} error={m.LastError}")));
        var monitor = Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        var jobs = $"enqueued={monitor.EnqueuedCount("default")} processing={monitor.ProcessingCount()} succeeded={monitor.SucceededListCount()} failed={monitor.FailedCount()} servers={monitor.Servers().Count}";
        throw new TimeoutException($"No email containing '{marker}' reached the pickup folder. Outbox: {outbox}. Jobs: {jobs}");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsFolder) DeleteFolder();
    }

    /// Stops the site as a restart would, leaving its data for another site to start on.
    public async Task StopKeepingDataAsync()
    {
        ownsFolder = false;
        await DisposeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsFolder) DeleteFolder();
        GC.SuppressFinalize(this);
    }

    private void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
                return;
            }
            catch (IOException) { Thread.Sleep(200); }
            catch (UnauthorizedAccessException) { Thread.Sleep(200); }
        }
    }
}
