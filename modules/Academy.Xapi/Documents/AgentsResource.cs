using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Xapi.Data;
using Academy.Xapi.Protocol;
using Academy.Xapi.Statements;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Academy.Xapi.Documents;

/// Communication 2.4: the Person object for an agent. The LRS has no directory linking one person's
/// identifiers, so the Person holds the requested identifier and the names that agent has been
/// given in recent statements (2.4.s3.b3: an unknown agent still gets a Person of what was asked).
internal static class AgentsResource
{
    private const string Section = "Communication 2.4: Agents resource";
    private const int StatementsToSearch = 50;

    public static async Task<IResult> GetAsync(HttpContext http, XapiDbContext db)
    {
        XapiProtocol.RejectUnknownParameters(http.Request, "agent");
        if (!http.Request.Query.TryGetValue("agent", out var text))
            throw new XapiException("The parameter 'agent' is required.", "agent", Section);
        var (agent, identity) = DocumentParameters.ParseAgent(text.ToString(), Section);

        var names = new List<string>();
        if (agent.TryGetProperty("name", out var requested) && requested.ValueKind == JsonValueKind.String) names.Add(requested.GetString()!);
        foreach (var json in await ActivitiesResource.RecentStatementsAsync(db, StatementKeyKind.RelatedAgent, StatementShape.Hash(identity), StatementsToSearch, http.RequestAborted))
            CollectNames(JsonNode.Parse(json), identity, names);

        var person = new JsonObject { ["objectType"] = "Person" };
        var distinct = names.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > 0) person["name"] = new JsonArray([.. distinct.Select(n => (JsonNode)n)]);
        foreach (var ifi in new[] { "mbox", "mbox_sha1sum", "openid", "account" })
            if (agent.TryGetProperty(ifi, out var value))
                person[ifi] = new JsonArray(JsonNode.Parse(value.GetRawText()));
        return Results.Text(person.ToJsonString(), "application/json");
    }

    /// The names of every agent in the statement (actor, agent object, instructor, team, 2.0's context
    /// agents and groups, group members, SubStatement) that has this identity.
    private static void CollectNames(JsonNode? statement, string identity, List<string> names)
    {
        void Actor(JsonNode? node)
        {
            if (node is not JsonObject actor) return;
            if (StatementShape.ActorIdentity(actor) == identity && actor["name"] is JsonValue name) names.Add(name.GetValue<string>());
            if (actor["member"] is JsonArray members) foreach (var member in members) Actor(member);
        }
        void Body(JsonNode? node)
        {
            if (node is not JsonObject s) return;
            Actor(s["actor"]);
            var target = s["object"] as JsonObject;
            var type = target?["objectType"] is JsonValue t ? t.GetValue<string>() : "Activity";
            if (type is "Agent" or "Group") Actor(target);
            else if (type == "SubStatement") Body(target);
            if (s["context"] is JsonObject context)
            {
                Actor(context["instructor"]);
                Actor(context["team"]);
                if (context["contextAgents"] is JsonArray agents) foreach (var a in agents) Actor(a?["agent"]);
                if (context["contextGroups"] is JsonArray groups) foreach (var g in groups) Actor(g?["group"]);
            }
        }
        Body(statement);
    }
}
