using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Xapi.Documents.Data;
using Academy.Xapi.Protocol;
using Academy.Xapi.Statements;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Academy.Xapi.Documents;

/// What the three document resources share (Communication 2.2, 3.1): GET one or the ids of many,
/// PUT, POST (JSON merge) and DELETE, with ETags and preconditions. Each resource says which
/// context parameters it takes and what its document id parameter is called.
internal sealed class DocumentResource(XapiDocumentResource resource, string section, string idParameter, bool usesActivity, bool usesAgent, bool usesRegistration)
{
    private string[] ContextParameters { get; } =
        [.. usesActivity ? ["activityId"] : Array.Empty<string>(), .. usesAgent ? ["agent"] : Array.Empty<string>(), .. usesRegistration ? ["registration"] : Array.Empty<string>()];

    /// Communication 3.1: a PUT over an existing document must carry If-Match or If-None-Match (409
    /// otherwise). In 1.0.x the State resource is exempt ("state conflicts are unlikely"); 2.0 drops
    /// the exemption.
    private bool RequiresPreconditionOnPut(XapiRequest request) => resource != XapiDocumentResource.State || request.IsVersion2;

    public async Task<IResult> GetAsync(HttpContext http, XapiDocumentsDbContext db, TimeProvider clock)
    {
        var request = http.Request;
        XapiProtocol.RejectUnknownParameters(request, [.. ContextParameters, idParameter, "since"]);
        var context = Context(request);
        var store = new DocumentStore(db, clock);
        var isHead = HttpMethods.IsHead(request.Method);
        // since only filters a list, but a malformed one is refused wherever it appears.
        var since = Optional(request, "since") is { } text
            ? StatementValidator.ParseTimestamp(text)?.UtcTicks ?? throw new XapiException($"since '{text}' is not an ISO 8601 timestamp with a time zone.", "since", section)
            : (long?)null;

        if (Optional(request, idParameter) is { } id)
        {
            var document = await store.FindAsync(context, id, http.RequestAborted);
            if (document is null)
                return XapiProblem.Create(StatusCodes.Status404NotFound, $"There is no document with {idParameter} '{id}' here.", idParameter, section);
            http.Response.Headers.ETag = Quote(document.ETag);
            http.Response.Headers.LastModified = HttpDate(document.UpdatedTicks);
            if (Preconditions.From(request).IfNoneMatch is { } tags && (tags.Contains("*") || tags.Contains(document.ETag)))
                return Results.StatusCode(StatusCodes.Status304NotModified);
            return Content(http, document.Content, document.ContentType, isHead);
        }

        var ids = await store.ListAsync(context, since, http.RequestAborted);
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(ids.Select(i => i.Id)));
        http.Response.Headers.ETag = Quote(DocumentContent.ETag(json));
        if (ids.Count > 0) http.Response.Headers.LastModified = HttpDate(ids.Max(i => i.UpdatedTicks));
        return Content(http, json, "application/json", isHead);
    }

    public async Task<IResult> PutAsync(HttpContext http, XapiDocumentsDbContext db, TimeProvider clock)
    {
        var request = http.Request;
        XapiProtocol.RejectUnknownParameters(request, [.. ContextParameters, idParameter]);
        var context = Context(request);
        var id = Required(request, idParameter);
        var preconditions = Preconditions.From(request);
        // XAPI-00273, XAPI-00287/00293: 1.0.3's conformance tests read Communication 2.6.s3 and 2.7 as
        // "a profile PUT always carries If-Match or If-None-Match", even for a document not yet stored,
        // and expect 400. 2.0 asks for a precondition only over an existing document (409, below).
        if (resource != XapiDocumentResource.State && !http.Xapi().IsVersion2 && preconditions.IfMatch is null && preconditions.IfNoneMatch is null)
            throw new XapiException("A PUT to a profile document needs If-Match (the ETag you read) or If-None-Match: * (to create it).", "If-Match", section);
        var (content, contentType) = await BodyAsync(request);
        if (DocumentContent.IsJson(contentType) && !DocumentContent.IsValidJson(content))
            throw new XapiException("The document says it is application/json but is not valid JSON (or holds a lone UTF-16 surrogate, which is not text).", "Content-Type", "Communication 3.2: the content type must match the content");

        var outcome = await new DocumentStore(db, clock).WriteAsync(context, id, content, contentType, merge: null,
            preconditions, RequiresPreconditionOnPut(http.Xapi()), http.RequestAborted);
        return Respond(outcome);
    }

    public async Task<IResult> PostAsync(HttpContext http, XapiDocumentsDbContext db, TimeProvider clock)
    {
        var request = http.Request;
        XapiProtocol.RejectUnknownParameters(request, [.. ContextParameters, idParameter]);
        var context = Context(request);
        var id = Required(request, idParameter);
        var (content, contentType) = await BodyAsync(request);
        var posted = DocumentContent.AsJsonObject(contentType, content)
            ?? throw new XapiException(DocumentContent.IsJson(contentType)
                    ? "POST merges JSON objects: the document is not a JSON object (or has a property twice, or holds a lone UTF-16 surrogate, which is not text)."
                    : $"POST merges JSON objects: send Content-Type application/json (not '{contentType}'), or PUT to store other content.",
                "Content-Type", "Communication 2.2.s8: POST needs application/json objects");

        var outcome = await new DocumentStore(db, clock).WriteAsync(context, id, content, contentType, posted,
            Preconditions.From(request), requirePrecondition: false, http.RequestAborted);
        return Respond(outcome);
    }

    public async Task<IResult> DeleteAsync(HttpContext http, XapiDocumentsDbContext db, TimeProvider clock)
    {
        var request = http.Request;
        XapiProtocol.RejectUnknownParameters(request, [.. ContextParameters, idParameter]);
        var context = Context(request);
        var store = new DocumentStore(db, clock);
        if (Optional(request, idParameter) is { } id)
        {
            return await store.DeleteAsync(context, id, Preconditions.From(request), http.RequestAborted)
                ? Results.NoContent()
                : XapiProblem.Create(StatusCodes.Status412PreconditionFailed, "The document has changed since the version named in If-Match: get it again.", "If-Match", "Communication 3.1");
        }
        // Only the State resource deletes every document of a context (Communication 2.3.s5).
        if (resource != XapiDocumentResource.State) Required(request, idParameter);
        await store.DeleteAllAsync(context, http.RequestAborted);
        return Results.NoContent();
    }

    private IResult Respond(WriteOutcome outcome) => outcome.Status switch
    {
        WriteStatus.Written => Results.NoContent(),
        WriteStatus.PreconditionFailed => XapiProblem.Create(StatusCodes.Status412PreconditionFailed, outcome.Message!, "If-Match", "Communication 3.1: precondition failed"),
        WriteStatus.Contended => XapiProblem.Create(StatusCodes.Status409Conflict, outcome.Message!, rule: "Communication 3.1"),
        WriteStatus.PreconditionRequired => XapiProblem.Create(StatusCodes.Status409Conflict, outcome.Message!, "If-Match", "Communication 3.1: a PUT to an existing document needs If-Match or If-None-Match"),
        _ => XapiProblem.Create(StatusCodes.Status400BadRequest, outcome.Message!, "Content-Type", "Communication 2.2.s8: POST needs application/json objects"),
    };

    private DocumentContext Context(HttpRequest request)
    {
        var activityId = usesActivity ? DocumentParameters.ActivityId(request, section) : null;
        var agent = usesAgent ? DocumentParameters.Agent(request, section) : null;
        var registration = usesRegistration ? DocumentParameters.Registration(request, section) : null;
        var context = new DocumentContext(resource, activityId, agent, registration);
        Launch.LaunchRules.CheckDocument(request.HttpContext.Xapi().Caller, context);
        return context;
    }

    private string Required(HttpRequest request, string name) =>
        Optional(request, name) ?? throw new XapiException($"The parameter '{name}' is required.", name, section);

    private static string? Optional(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) ? values.ToString() : null;

    // The stored column's length (XapiDocumentsDbContext).
    private const int MaxContentType = 255;

    private static async Task<(byte[] Content, string ContentType)> BodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        // Documents can have any content type (Communication 1.5); none given means bytes.
        var contentType = string.IsNullOrWhiteSpace(request.ContentType) ? "application/octet-stream" : request.ContentType;
        if (contentType.Length > MaxContentType)
            throw new XapiException($"Content-Type is longer than {MaxContentType} characters.", "Content-Type", "Communication 1.5");
        return (buffer.ToArray(), contentType);
    }

    private static IResult Content(HttpContext http, byte[] content, string contentType, bool isHead)
    {
        if (!isHead) return Results.Bytes(content, contentType);
        // Communication 1.1: HEAD answers as GET would, without the body.
        http.Response.ContentType = contentType;
        http.Response.ContentLength = content.Length;
        return Results.Empty;
    }

    private static string Quote(string etag) => $"\"{etag}\"";

    private static string HttpDate(long ticks) => new DateTimeOffset(ticks, TimeSpan.Zero).ToString("R", CultureInfo.InvariantCulture);
}

/// The parameters the document resources and the Activities and Agents resources share.
internal static class DocumentParameters
{
    public static string ActivityId(HttpRequest request, string section)
    {
        var value = request.Query["activityId"].ToString();
        if (!request.Query.ContainsKey("activityId"))
            throw new XapiException("The parameter 'activityId' is required.", "activityId", section);
        if (!StatementValidator.IsIri(value))
            throw new XapiException($"activityId '{value}' is not an IRI.", "activityId", section);
        return value;
    }

    /// The agent parameter: an Agent object (JSON), validated by the statement rules for an agent
    /// (exactly one inverse functional identifier). Returns its identity as the statement keys use it.
    public static string Agent(HttpRequest request, string section)
    {
        if (!request.Query.TryGetValue("agent", out var values))
            throw new XapiException("The parameter 'agent' is required.", "agent", section);
        return ParseAgent(values.ToString(), section).Identity;
    }

    public static (JsonElement Agent, string Identity) ParseAgent(string text, string section)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(text, XapiJson.DocumentOptions); }
        catch (InvalidOperationException) { throw new XapiException("agent has a property name with a lone UTF-16 surrogate, which is not text.", "agent", section); }
        catch (JsonException) { throw new XapiException("agent is not valid JSON: send an Agent object, e.g. {\"mbox\":\"mailto:learner@example.org\"}.", "agent", section); }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new XapiException("agent is an Agent object (JSON), not a Group or any other value.", "agent", section);
            XapiJson.RejectLoneSurrogates(document.RootElement, "agent", section);
            try { StatementValidator.Agent(document.RootElement, "agent"); }
            catch (XapiException e) { throw new XapiException("agent is not a valid Agent: " + e.Message, e.Property ?? "agent", e.Rule ?? section); }
            var identity = StatementShape.ActorIdentity(JsonNode.Parse(text))
                ?? throw new XapiException("agent has no inverse functional identifier.", "agent", section);
            return (document.RootElement.Clone(), identity);
        }
    }

    public static string? Registration(HttpRequest request, string section)
    {
        if (!request.Query.TryGetValue("registration", out var values)) return null;
        var value = values.ToString();
        if (!StatementValidator.IsUuid(value))
            throw new XapiException($"registration '{value}' is not a UUID.", "registration", section);
        return Guid.Parse(value).ToString("D");
    }
}
