using System.Text.Json.Nodes;
using Academy.Xapi.Contracts;
using Academy.Xapi.Data;
using Academy.Xapi.Documents;
using Academy.Xapi.Documents.Data;
using Academy.Xapi.Protocol;
using Academy.Xapi.Statements;
using Microsoft.AspNetCore.Http;

namespace Academy.Xapi.Launch;

/// What a launch credential is confined to: one learner (as the statement keys name an agent,
/// "Agent|account|{homePage}|{name}"), one registration, and the course activity it was issued for
/// (kept for the record; statements about any activity of the course are allowed).
public sealed record LaunchRestriction(string AgentIdentity, Guid Registration, string ActivityId, Cmi5SessionScope? Cmi5 = null, int Cmi5State = 0, DateTimeOffset? Cmi5TerminatedAt = null);

/// The rules a launch credential is held to, all in one place (issue 9 §3: the page never holds a
/// credential that could write or read another learner's records). Every refusal is a 403 with the reason.
internal static class LaunchRules
{
    private const string Rule = "Academy launch credential";

    /// The resources a launch credential may use at all; anything else under /xapi (the Activity
    /// Profile, Activities and Agents resources, resources added later) is refused.
    private static readonly string[] Allowed = ["/xapi/statements", "/xapi/activities/state", "/xapi/agents/profile"];

    public static string? RefuseResource(HttpContext context)
    {
        var path = context.Request.Path;
        return Allowed.Any(a => path.Equals(a, StringComparison.OrdinalIgnoreCase))
            ? null
            : $"A launch credential may use only the Statements, State and Agent Profile resources, not {path}.";
    }

    /// Statements sent with a launch credential: the actor is the learner, context.registration is the
    /// launch's, and a voiding statement voids only one of the learner's own statements.
    public static async Task CheckWriteAsync(XapiCaller caller, IReadOnlyList<PreparedStatement> statements, StatementReader reader)
    {
        if (caller.Launch is not { } launch) return;
        for (var i = 0; i < statements.Count; i++)
        {
            var json = statements[i].Json;
            var path = statements.Count == 1 ? "statement" : $"statements[{i}]";
            if (StatementShape.ActorIdentity(json["actor"]) != launch.AgentIdentity)
                throw Forbidden("A launch credential writes only statements whose actor is the learner it was issued for.", $"{path}.actor");
            var registration = json["context"]?["registration"] is JsonValue r && Guid.TryParse(r.GetValue<string>(), out var g) ? g : (Guid?)null;
            if (registration != launch.Registration)
                throw Forbidden($"A launch credential writes only statements whose context.registration is {launch.Registration}.", $"{path}.context.registration");
            if (statements[i].Voids is { } target)
            {
                var voided = await reader.FindAsync(target, voided: false, credentialId: null);
                if (voided is null || StatementShape.ActorIdentity(JsonNode.Parse(voided.Value.Json)?["actor"]) != launch.AgentIdentity)
                    throw Forbidden("A launch credential voids only the learner's own statements.", $"{path}.object.id");
            }
        }
    }

    /// Queries with a launch credential see only statements about the learner (the agent filter: the
    /// learner as actor or object), whatever else they ask for.
    public static void RestrictQuery(XapiCaller caller, StatementQuery query)
    {
        if (caller.Launch is { } launch) query.Keys.Add((StatementKeyKind.Agent, StatementShape.Hash(launch.AgentIdentity)));
    }

    /// One statement by id: the same rule as a query (a statement not about the learner is not found).
    public static bool MayRead(XapiCaller caller, string json)
    {
        if (caller.Launch is not { } launch) return true;
        var statement = JsonNode.Parse(json)?.AsObject();
        if (statement is null) return false;
        var hash = StatementShape.Hash(launch.AgentIdentity);
        return StatementShape.Keys(statement).Any(k => k.Item1 == StatementKeyKind.Agent && k.Item2.AsSpan().SequenceEqual(hash));
    }

    /// State: only the learner's, for the launch's registration. Agent Profile: only the learner's.
    public static void CheckDocument(XapiCaller caller, DocumentContext context)
    {
        if (caller.Launch is not { } launch) return;
        if (context.Agent != launch.AgentIdentity)
            throw Forbidden("A launch credential reads and writes documents only for the learner it was issued for.", "agent");
        if (context.Resource == XapiDocumentResource.State && context.Registration != launch.Registration.ToString("D"))
            throw Forbidden($"A launch credential reads and writes state only for the registration {launch.Registration}.", "registration");
        if (context.Resource is not (XapiDocumentResource.State or XapiDocumentResource.AgentProfile))
            throw Forbidden("A launch credential may use only the State and Agent Profile documents.", null);
    }

    private static XapiException Forbidden(string message, string? property) => new(message, property, Rule, StatusCodes.Status403Forbidden);
}
