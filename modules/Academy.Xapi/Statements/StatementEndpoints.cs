using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Data;
using Academy.Modules;
using Academy.Xapi.Contracts;
using Academy.Xapi.Data;
using Academy.Xapi.Launch;
using Academy.Xapi.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Academy.Xapi.Statements;

/// The Statements resource (Communication 2.1).
public static class StatementEndpoints
{
    public static IServiceCollection AddXapiStatements(this IServiceCollection services)
    {
        // The one place that chooses the provider's statement SQL (issue 12 §5); no query tests the provider.
        services.AddSingleton(sp => StatementProvider.For(sp.GetRequiredService<AcademyDatabase>().Provider));
        services.AddSingleton<StatementWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<StatementWriter>());
        services.AddScoped<StatementReader>();
        services.AddSingleton<StatementCommits>();
        services.AddScoped<IStatementFeed, StatementFeed>();
        services.AddScoped<IStatementWriter, SiteStatementWriter>();
        services.AddScoped<LaunchCredentials>();
        services.AddScoped<ILaunchCredentials>(sp => sp.GetRequiredService<LaunchCredentials>());
        services.AddScoped<ISignOutListener>(sp => sp.GetRequiredService<LaunchCredentials>());
        return services;
    }

    public static RouteGroupBuilder MapStatements(this RouteGroupBuilder xapi)
    {
        xapi.MapPut("/statements", PutAsync).RequireXapiScope(XapiScopes.StatementsWrite);
        xapi.MapPost("/statements", PostAsync).RequireXapiScope(XapiScopes.StatementsWrite);
        xapi.MapMethods("/statements", ["GET", "HEAD"], GetAsync).RequireXapiScope(XapiScopes.StatementsRead, XapiScopes.StatementsReadMine);
        return xapi;
    }

    /// Communication 2.1.1: PUT with statementId stores one statement under that id; 204.
    private static async Task<IResult> PutAsync(HttpContext context, StatementWriter writer, XapiOptions options, TimeProvider clock)
    {
        XapiProtocol.RejectUnknownParameters(context.Request, "statementId");
        var id = context.Request.Query["statementId"].ToString();
        if (id.Length == 0) throw new XapiException("PUT needs the statementId parameter.", "statementId", "Communication 2.1.1");
        if (!StatementValidator.IsUuid(id)) throw new XapiException($"statementId '{id}' is not a UUID.", "statementId", "Communication 2.1.1");
        using var body = await StatementRequests.ReadAsync(context.Request, options);
        if (body.Json.ValueKind != JsonValueKind.Object) throw new XapiException("PUT takes one statement (a JSON object).", "statement", "Communication 2.1.1");
        if (body.Json.TryGetProperty("id", out var bodyId) && bodyId.ValueKind == JsonValueKind.String
            && !string.Equals(bodyId.GetString(), id, StringComparison.OrdinalIgnoreCase))
            throw new XapiException("The statement's id differs from the statementId parameter.", "statement.id", "Communication 2.1.1");

        var prepared = Prepare(context, [body.Json], Guid.Parse(id));
        await CheckLaunchAsync(context, prepared, options, clock);
        var attachments = StatementRequests.MatchAttachments(prepared.Select(p => p.Json).ToList(), body.Parts);
        var outcome = await writer.WriteAsync(prepared, Authority(context, options), context.Xapi().Caller.CredentialId, attachments, CancellationToken.None);
        return outcome.Status == WriteStatus.Conflict
            ? XapiProblem.Create(StatusCodes.Status409Conflict, outcome.Message!, "statementId", "Communication 2.1.1: an id names one statement")
            : Results.NoContent();
    }

    /// Communication 2.1.2: POST one statement or an array; all are stored or none; the ids in order.
    private static async Task<IResult> PostAsync(HttpContext context, StatementWriter writer, XapiOptions options, TimeProvider clock)
    {
        XapiProtocol.RejectUnknownParameters(context.Request);
        using var body = await StatementRequests.ReadAsync(context.Request, options);
        IReadOnlyList<JsonElement> statements = body.Json.ValueKind switch
        {
            JsonValueKind.Object => [body.Json],
            JsonValueKind.Array => body.Json.EnumerateArray().ToList(),
            _ => throw new XapiException("POST takes a statement or an array of statements.", "statement", "Communication 2.1.2"),
        };
        if (statements.Count > options.MaxStatementsPerRequest)
            throw new XapiException($"A request may carry at most {options.MaxStatementsPerRequest} statements.", status: StatusCodes.Status413PayloadTooLarge);
        var prepared = Prepare(context, statements, null);
        await CheckLaunchAsync(context, prepared, options, clock);
        var duplicate = prepared.GroupBy(p => p.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new XapiException($"The id {duplicate.Key} appears more than once in the batch.", "id", "Communication 2.1.2");
        var attachments = StatementRequests.MatchAttachments(prepared.Select(p => p.Json).ToList(), body.Parts);
        if (prepared.Count == 0) return Results.Json(Array.Empty<string>());
        var outcome = await writer.WriteAsync(prepared, Authority(context, options), context.Xapi().Caller.CredentialId, attachments, CancellationToken.None);
        return outcome.Status == WriteStatus.Conflict
            ? XapiProblem.Create(StatusCodes.Status409Conflict, outcome.Message!, "id", "Communication 2.1.2: an id names one statement")
            : Results.Json(outcome.Ids.Select(i => i.ToString()).ToArray());
    }

    /// A launch credential's limits (LaunchRules, Cmi5Rules). Only they read the database before the writer,
    /// so a key credential's request resolves no context (issue 12 §3).
    private static async Task CheckLaunchAsync(HttpContext context, List<PreparedStatement> prepared, XapiOptions options, TimeProvider clock)
    {
        var caller = context.Xapi().Caller;
        if (caller.Launch is null) return;
        await LaunchRules.CheckWriteAsync(caller, prepared, context.RequestServices.GetRequiredService<StatementReader>());
        await Cmi5Rules.CheckAsync(caller, prepared, context.RequestServices.GetRequiredService<XapiDbContext>(), options.Cmi5TerminatedGracePeriod, clock.GetUtcNow());
    }

    private static List<PreparedStatement> Prepare(HttpContext context, IReadOnlyList<JsonElement> statements, Guid? putId) =>
        Prepare(statements, putId, context.Xapi().IsVersion2);

    /// Validates each statement (400 with the reason) and readies it for the writer; the site's own
    /// statements (SiteStatementWriter) come through here too.
    internal static List<PreparedStatement> Prepare(IReadOnlyList<JsonElement> statements, Guid? putId, bool isVersion2)
    {
        var prepared = new List<PreparedStatement>(statements.Count);
        for (var i = 0; i < statements.Count; i++)
        {
            var path = statements.Count == 1 ? "statement" : $"statements[{i}]";
            StatementValidator.Statement(statements[i], path, isVersion2);
            // Parsed once (issue 12 §3): the node reads the request's document, which lives until the
            // writer has stored the statement, instead of parsing the statement's text a second time.
            var json = JsonObject.Create(statements[i])!;
            // Every field the LRS decides is set by ServerFields: id and version here, the rest at commit.
            var (id, isNewId) = ServerFields.ClaimedId(json, putId);
            StatementShape.ContextActivitiesAsArrays(json);
            Guid? voids = null;
            if (json["verb"]?["id"]?.GetValue<string>() == StatementValidator.VoidedVerb)
                voids = Guid.Parse(json["object"]!["id"]!.GetValue<string>());
            var version = ServerFields.Version(json, isVersion2);
            var claimed = ServerFields.Claim(json, id, version);
            prepared.Add(new PreparedStatement(id, json, claimed, StatementShape.Keys(json), voids, version, isNewId));
        }
        return prepared;
    }

    private static JsonObject Authority(HttpContext context, XapiOptions options) =>
        ServerFields.Authority(options.AuthorityHomePage is { Length: > 0 } configured ? configured : $"{context.Request.Scheme}://{context.Request.Host}", context.Xapi().Caller.Key);

    /// Communication 2.1.3: one statement by statementId / voidedStatementId, or a query.
    private static async Task<IResult> GetAsync(HttpContext context, StatementReader reader, StatementWriter writer, XapiOptions options)
    {
        var request = context.Request;
        var caller = context.Xapi().Caller;
        int? mine = caller.Has(XapiScopes.StatementsRead, isRead: true) ? null : caller.CredentialId;
        // XAPI-00153: the header comes with every answer to a GET, a refused one (400) included.
        var consistentThrough = writer.ConsistentThrough();
        context.Response.Headers[XapiProtocol.ConsistentThroughHeader] = consistentThrough.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var query = StatementQuery.FromRequest(request, options);
        LaunchRules.RestrictQuery(caller, query);
        var languages = request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.ToString()).ToList();

        if (query.StatementId is { } single)
        {
            var found = await reader.FindAsync(single, query.Voided, mine);
            if (found is null || !LaunchRules.MayRead(caller, found.Value.Json))
                return XapiProblem.Create(StatusCodes.Status404NotFound, query.Voided ? $"No voided statement has the id {single}." : $"No statement has the id {single} (or it is voided: ask with voidedStatementId).");
            var statement = Format(found.Value.Json, query.Format, languages);
            context.Response.Headers.LastModified = new DateTimeOffset(found.Value.StoredTicks, TimeSpan.Zero).ToString("R");
            return await RespondAsync(context, reader, statement.ToJsonString(), [statement], query.Attachments);
        }

        var page = await reader.QueryAsync(query, mine);
        var statements = page.Statements.Select(s => Format(s, query.Format, languages)).ToList();
        var more = page.More is null ? "" : "/xapi/statements?more=" + page.More;
        var json = new StringBuilder("{\"statements\":[");
        json.AppendJoin(',', statements.Select(s => s.ToJsonString()));
        json.Append("],\"more\":").Append(JsonSerializer.Serialize(more)).Append('}');
        context.Response.Headers.LastModified = new DateTimeOffset(page.LastModifiedTicks ?? consistentThrough.UtcTicks, TimeSpan.Zero).ToString("R");
        return await RespondAsync(context, reader, json.ToString(), statements, query.Attachments);
    }

    private static JsonObject Format(string stored, string format, IReadOnlyList<string> languages)
    {
        var statement = JsonNode.Parse(stored)!.AsObject();
        // Statements stored before contextActivities were kept as arrays are returned as arrays too.
        StatementShape.ContextActivitiesAsArrays(statement);
        if (format == "ids") StatementShape.ToIds(statement);
        else if (format == "canonical") StatementShape.ToCanonical(statement, languages);
        return statement;
    }

    /// attachments=true: multipart/mixed with the JSON first, then each attachment's content (Communication 2.1.3).
    private static async Task<IResult> RespondAsync(HttpContext context, StatementReader reader, string json, IReadOnlyList<JsonObject> statements, bool withAttachments)
    {
        // Communication 1.1: HEAD answers as GET would, without the body.
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.ContentType = withAttachments ? "multipart/mixed" : "application/json";
            return Results.Empty;
        }
        if (!withAttachments) return Results.Text(json, "application/json", Encoding.UTF8);
        var hashes = statements.SelectMany(s => s["attachments"] as JsonArray ?? [])
            .Select(a => a!["sha2"]!.GetValue<string>().ToLowerInvariant()).Distinct().ToList();
        var attachments = await reader.AttachmentsAsync(hashes);
        var boundary = "xapi-" + Guid.NewGuid().ToString("N");
        var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        Write($"--{boundary}\r\nContent-Type: application/json\r\n\r\n{json}\r\n");
        foreach (var attachment in attachments)
        {
            Write($"--{boundary}\r\nContent-Type: {attachment.ContentType}\r\nContent-Transfer-Encoding: binary\r\n{XapiProtocol.HashHeader}: {attachment.Sha2}\r\n\r\n");
            body.Write(attachment.Content);
            Write("\r\n");
        }
        Write($"--{boundary}--\r\n");
        return Results.Bytes(body.ToArray(), $"multipart/mixed; boundary={boundary}");
    }
}
