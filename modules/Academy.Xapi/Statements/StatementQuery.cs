using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Xapi.Data;
using Academy.Xapi.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Academy.Xapi.Statements;

/// The parameters of GET /statements (Communication 2.1.3), checked.
internal sealed class StatementQuery
{
    private static readonly string[] QueryParameters = ["agent", "verb", "activity", "registration", "related_activities", "related_agents", "since", "until", "limit", "format", "attachments", "ascending"];

    public Guid? StatementId { get; private set; }
    public bool Voided { get; private set; }
    public string Format { get; private set; } = "exact";
    public bool Attachments { get; private set; }
    public bool Ascending { get; private set; }
    public int Limit { get; private set; }
    public long? SinceTicks { get; private set; }
    public long? UntilTicks { get; private set; }
    public List<(StatementKeyKind Kind, byte[] Hash)> Keys { get; } = [];
    /// The query as the client sent it, carried in the "more" token.
    public string Original { get; private set; } = "";
    public MoreToken? Continuation { get; private set; }

    public static StatementQuery FromRequest(HttpRequest request, XapiOptions options)
    {
        var parameters = request.Query;
        MoreToken? continuation = null;
        if (parameters.ContainsKey("more"))
        {
            XapiProtocol.RejectUnknownParameters(request, "more");
            continuation = MoreToken.Decode(parameters["more"].ToString());
            parameters = new QueryCollection(QueryHelpers.ParseQuery(continuation.Query));
        }
        var query = new StatementQuery { Continuation = continuation };
        query.Original = continuation?.Query ?? request.QueryString.Value ?? "";

        string? Get(string name) => parameters.TryGetValue(name, out var v) ? v.ToString() : null;
        bool Bool(string name)
        {
            var value = Get(name);
            return value switch
            {
                null => false,
                "true" => true,
                "false" => false,
                _ => throw new XapiException($"{name} is true or false.", name, "Communication 2.1.3"),
            };
        }
        foreach (var (name, values) in parameters)
            if (values.Count > 1) throw new XapiException($"The parameter '{name}' is given more than once.", name);

        query.Format = Get("format") ?? "exact";
        if (query.Format is not ("exact" or "ids" or "canonical"))
            throw new XapiException("format is ids, exact or canonical.", "format", "Communication 2.1.3");
        query.Attachments = Bool("attachments");

        var statementId = Get("statementId");
        var voidedId = Get("voidedStatementId");
        if (statementId is not null || voidedId is not null)
        {
            if (statementId is not null && voidedId is not null)
                throw new XapiException("Give statementId or voidedStatementId, not both.", "voidedStatementId", "Communication 2.1.3");
            foreach (var name in parameters.Keys)
                if (name is not ("statementId" or "voidedStatementId" or "format" or "attachments"))
                    throw new XapiException($"'{name}' cannot be used with statementId or voidedStatementId.", name, "Communication 2.1.3");
            var id = statementId ?? voidedId!;
            if (!StatementValidator.IsUuid(id)) throw new XapiException($"'{id}' is not a UUID.", statementId is null ? "voidedStatementId" : "statementId", "Communication 2.1.3");
            query.StatementId = Guid.Parse(id);
            query.Voided = voidedId is not null;
            return query;
        }
        foreach (var name in parameters.Keys)
            if (!QueryParameters.Contains(name))
                throw new XapiException($"The parameter '{name}' is not a parameter of the Statements resource.", name, "Communication 2.1.3: the LRS rejects unknown parameters");

        query.Ascending = Bool("ascending");
        var relatedAgents = Bool("related_agents");
        var relatedActivities = Bool("related_activities");
        if (Get("limit") is { } limit)
        {
            if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                throw new XapiException("limit is a whole number (0 for the LRS's maximum).", "limit", "Communication 2.1.3");
            query.Limit = n;
        }
        if (query.Limit <= 0 || query.Limit > options.MaxQueryLimit) query.Limit = options.MaxQueryLimit;

        if (Get("registration") is { } registration)
        {
            if (!StatementValidator.IsUuid(registration)) throw new XapiException("registration is a UUID.", "registration", "Communication 2.1.3");
            query.Keys.Add((StatementKeyKind.Registration, StatementShape.Hash(registration.ToLowerInvariant())));
        }
        if (Get("agent") is { } agentText)
        {
            using var agent = Json(agentText, "agent");
            try { StatementValidator.Actor(agent.RootElement, "agent"); }
            catch (XapiException e) { throw new XapiException("agent is not a valid Agent or Identified Group: " + e.Message, "agent", "Communication 2.1.3"); }
            var identity = StatementShape.ActorIdentity(JsonNode.Parse(agentText))
                ?? throw new XapiException("agent must be identified (an anonymous group cannot be used as a filter).", "agent", "Communication 2.1.3");
            query.Keys.Add((relatedAgents ? StatementKeyKind.RelatedAgent : StatementKeyKind.Agent, StatementShape.Hash(identity)));
        }
        if (Get("activity") is { } activity)
        {
            if (!StatementValidator.IsIri(activity)) throw new XapiException("activity is an IRI.", "activity", "Communication 2.1.3");
            query.Keys.Add((relatedActivities ? StatementKeyKind.RelatedActivity : StatementKeyKind.Activity, StatementShape.Hash(activity)));
        }
        if (Get("verb") is { } verb)
        {
            if (!StatementValidator.IsIri(verb)) throw new XapiException("verb is an IRI.", "verb", "Communication 2.1.3");
            query.Keys.Add((StatementKeyKind.Verb, StatementShape.Hash(verb)));
        }
        query.SinceTicks = Time(Get("since"), "since");
        query.UntilTicks = Time(Get("until"), "until");
        return query;
    }

    private static JsonDocument Json(string text, string name)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(text, XapiJson.DocumentOptions); }
        catch (JsonException) { throw new XapiException($"{name} is not valid JSON.", name, "Communication 2.1.3"); }
        catch (InvalidOperationException) { throw new XapiException($"{name} has a property name with a lone UTF-16 surrogate, which is not text.", name, "Communication 2.1.3"); }
        try { XapiJson.RejectLoneSurrogates(document.RootElement, name, "Communication 2.1.3"); }
        catch { document.Dispose(); throw; }
        return document;
    }

    private static long? Time(string? text, string name)
    {
        if (text is null) return null;
        return StatementValidator.ParseTimestamp(text)?.UtcTicks
            ?? throw new XapiException($"{name} is an ISO 8601 timestamp with a time zone.", name, "Communication 2.1.3");
    }
}

/// Where the next page starts: the original query and the sequence window still to be read. The
/// window's top is fixed at the first page, so statements stored meanwhile do not shift the pages.
internal sealed record MoreToken(string Query, long Low, long High)
{
    public string Encode() => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this)));

    public static MoreToken Decode(string text)
    {
        try { return JsonSerializer.Deserialize<MoreToken>(WebEncoders.Base64UrlDecode(text)) ?? throw new FormatException(); }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            throw new XapiException("The more link is not one this LRS issued.", "more", "Communication 2.1.3");
        }
    }
}
