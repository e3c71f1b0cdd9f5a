// How a resource plugs into the LRS (for the Documents/ resources and anything else under /xapi):
//
//   var xapi = endpoints.MapXapi();                       // the /xapi group (Protocol/XapiProtocol.cs)
//   xapi.MapPut("/activities/state", PutStateAsync).RequireXapiScope(XapiScopes.State);
//
// Before the endpoint runs, Protocol/XapiProtocolMiddleware has answered CORS preflights, applied the
// alternate request syntax (POST ?method=PUT with a form body; 1.0.x only, 2.0 removed it), refused a
// missing or unsupported X-Experience-API-Version (400, answered as Academy:Xapi:UnversionedAnswer,
// 2.0.0 by default) and a missing or wrong HTTP Basic credential (401), applied the rate limit (429)
// and the size limit (413), and set the response's version header (1.0.3 or 2.0.0, the client's). In the handler,
// `context.Xapi()` gives the version and the caller (credential id, key, scopes);
// `XapiProtocol.RejectUnknownParameters(request, "activityId", ...)` refuses unknown parameters;
// `throw new XapiException(message, property, rule)` or `return XapiProblem.BadRequest(...)` gives the
// JSON 400 body. Scopes (XapiScopes): all, all/read, statements/write, statements/read,
// statements/read/mine, state, profile, define. RequireXapiScope takes any number; one suffices, and
// "all" (and "all/read" for GET) always does.
//
// The write path, top to bottom (issue 12 §5): StatementEndpoints (PUT, POST) → StatementRequests.ReadAsync (the
// body and its attachment parts) → StatementEndpoints.Prepare (StatementValidator; ServerFields.Claim sets the id and
// version and writes the statement out once) → LaunchRules / Cmi5Rules → StatementWriter (one queue, group commit;
// ServerFields.Stamp adds stored, timestamp and authority) → StatementStore, whose SQL is SqliteStatementStore's or
// SqlServerStatementStore's. Reads: StatementQuery (the parameters) → StatementReader (and StatementFeed), whose
// provider-specific SQL (row limits, the feed's locking read) is the StatementProvider in the same two files, chosen
// once at start in AddXapiStatements. Documents/DocumentEndpoints
// is the route table of the State, Activity Profile, Agent Profile, Activities and Agents resources.
//
// What other modules get (the public contract in Academy.Abstractions/Xapi, namespace Academy.Xapi.Contracts;
// they never read this module's tables nor reference this project):
//   IStatementFeed        Statements/StatementFeed.cs. ReadAsync(after, max): every stored statement in commit
//                         order (the writer's Sequence is the position), voiding ones included, parsed for a
//                         projection (actor, verb, object, registration, context activities, result) with the
//                         stored JSON. ForRegistrationAsync / ForActorAndActivityAsync: one learner's course,
//                         neither voided nor voiding, to rebuild it from scratch. WaitForStatementsAsync: an
//                         in-process wake-up raised by StatementWriter after each commit (Statements/
//                         StatementCommits.cs); readers still poll the cursor, which finds other nodes' statements.
//   IStatementWriter      Statements/SiteStatementWriter.cs: the site's own statements (the player without
//                         JavaScript) through StatementEndpoints.Prepare (the same validation, as 2.0.0) and the
//                         same StatementWriter, authority account "academy-site"; StatementRejectedException
//                         carries the reason (and IsConflict for an id already taken).
//   ILaunchDocuments      Documents/SiteLaunchDocuments.cs: the LMS's own State and Agent Profile writes before a
//                         launch (cmi5 LMS.LaunchData), through the same DocumentStore as /xapi's document resources.
//   ILaunchCredentials    Launch/LaunchCredentials.cs: a credential per launch (XapiCredential with ExpiresAt and
//                         LaunchAgent/Registration/ActivityId; secret hashed), confined by Launch/LaunchRules.cs:
//                         writes only statements whose actor is the learner and whose context.registration is the
//                         launch's, voids only the learner's own; reads only statements about the learner (the
//                         agent filter is added to every query); State only for the learner and registration,
//                         Agent Profile only for the learner; every other resource 403. 401 once expired
//                         (Academy:Xapi:LaunchCredentialLifetime, 4 h; at most 24 h) or revoked; the same class is
//                         the module's ISignOutListener, which revokes a person's launch credentials. Expired ones
//                         are deleted when the next is issued. XapiAgent.Learner(userId) names a learner.
using Academy.Data;
using Academy.Modules;
using Academy.Xapi.Data;
using Academy.Xapi.Protocol;
using Academy.Xapi.Statements;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Academy.Xapi;

/// The Learning Record Store (issue 3): protocol, credentials and the Statements resource; the contract
/// other modules use (issue 9) is described above.
public sealed class XapiModule : IAcademyModule
{
    public ModuleManifest Manifest { get; } = new("xAPI", "Academy's Learning Record Store (xAPI 1.0.3 and 2.0).", "/xapi/about");

    public void ConfigureServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<XapiDbContext, SqliteXapiDbContext, SqlServerXapiDbContext>(XapiDbContext.MigrationsHistoryTable);
        builder.AddModuleDbContext<Documents.Data.XapiDocumentsDbContext, Documents.Data.SqliteXapiDocumentsDbContext, Documents.Data.SqlServerXapiDocumentsDbContext>(Documents.Data.XapiDocumentsDbContext.MigrationsHistoryTable);
        builder.Services.AddXapiProtocol(XapiOptions.From(builder.Configuration));
        builder.Services.AddXapiStatements();
        builder.Services.AddScoped<Academy.Xapi.Contracts.ILaunchDocuments, Documents.SiteLaunchDocuments>();
        // The LRS is for machines: 401 rather than a sign-in redirect, problem JSON, and served before setup has run.
        builder.Services.AddSingleton(new ApiPathPrefix("/xapi", ServedBeforeSetup: true));
        builder.Services.AddSingleton(new NavigationItem("LRS credentials", "/Admin/Credentials/Index", "Xapi", 90, Policies.Administrator));
    }

    private static readonly string[] Resources = ["/xapi/statements", "/xapi/activities", "/xapi/activities/state", "/xapi/activities/profile", "/xapi/agents", "/xapi/agents/profile", "/xapi/about"];

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // The About resource is public in the specification: any client may ask which versions the LRS speaks.
        // Communication 1.1: HEAD answers as GET does, without the body.
        endpoints.MapMethods("/xapi/about", [HttpMethods.Get, HttpMethods.Head], (HttpContext context) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method)) return Results.Json(new { version = new[] { "2.0.0", "1.0.3" } });
            context.Response.ContentType = "application/json";
            return Results.Empty;
        }).AllowAnonymous();

        endpoints.MapXapi().MapStatements();
        Documents.DocumentEndpoints.MapXapiDocuments(endpoints.MapXapi());
        // Issue 8 §4: an address under /xapi that no resource answers is a JSON 404, not the site's page.
        endpoints.MapXapi().MapFallback("{*path}", (HttpContext context) => Resources.Contains(context.Request.Path.Value ?? "", StringComparer.OrdinalIgnoreCase)
            ? XapiProblem.Create(StatusCodes.Status405MethodNotAllowed, $"The resource {context.Request.Path} does not answer {context.Request.Method}.")
            : XapiProblem.Create(StatusCodes.Status404NotFound, $"No xAPI resource answers {context.Request.Method} {context.Request.Path}."));
    }

    public async Task StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var key = configuration["Academy:Xapi:DefaultCredential:Key"];
        var secret = configuration["Academy:Xapi:DefaultCredential:Secret"];
        if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(secret)) return;
        var credentials = services.GetRequiredService<XapiCredentials>();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger<XapiModule>();
        if (await credentials.EnsureAsync(key, secret, "Default (from configuration)", cancellationToken))
            log.LogInformation("Created the xAPI credential {Key} from configuration", key);
        if (!await credentials.RememberConfiguredAsync(key, secret, cancellationToken))
            log.LogWarning("The xAPI credential {Key} is stored with a secret other than the configured one (or is revoked): its checks stay on PBKDF2", key);
    }
}
