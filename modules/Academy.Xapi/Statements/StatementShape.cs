using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Xapi.Data;

namespace Academy.Xapi.Statements;

/// A validated statement ready for the writer: its JSON (id set), the keys queries find it by, and
/// what it voids.
/// A valid statement ready for the writer. Json: the statement as sent, with its id and version (for
/// the rules and comparisons); ClaimedText: the same written out, less its closing brace
/// (ServerFields.Claim). IsNewId: the LRS made the id, so no stored statement has it or refers to it.
internal sealed record PreparedStatement(Guid Id, JsonObject Json, string ClaimedText, IReadOnlyList<(StatementKeyKind Kind, byte[] Hash)> Keys, Guid? Voids, string Version, bool IsNewId);

/// How statements are keyed, compared and shaped for the formats of a query (Data 2.1.3, 2.4, Communication 2.1.3).
internal static partial class StatementShape
{
    /// The key of an agent or identified group for the agent filters: objectType and IFI
    /// (Communication 2.1.3: same IFI and same objectType). Null for an anonymous group.
    public static string? ActorIdentity(JsonNode? actor)
    {
        if (actor is not JsonObject o) return null;
        var type = o["objectType"]?.GetValue<string>() ?? "Agent";
        if (o["mbox"] is JsonValue mbox) return $"{type}|mbox|{mbox.GetValue<string>()}";
        if (o["mbox_sha1sum"] is JsonValue sha) return $"{type}|sha1|{sha.GetValue<string>().ToLowerInvariant()}";
        if (o["openid"] is JsonValue openid) return $"{type}|openid|{openid.GetValue<string>()}";
        if (o["account"] is JsonObject account)
            return $"{type}|account|{account["homePage"]?.GetValue<string>()}|{account["name"]?.GetValue<string>()}";
        return null;
    }

    public static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value))[..16];

    public static List<(StatementKeyKind, byte[])> Keys(JsonObject statement)
    {
        var keys = new HashSet<(StatementKeyKind, string)>();
        void Agent(JsonNode? actor, bool direct)
        {
            if (actor is not JsonObject o) return;
            if (ActorIdentity(o) is { } id)
            {
                if (direct) keys.Add((StatementKeyKind.Agent, id));
                keys.Add((StatementKeyKind.RelatedAgent, id));
            }
            // The agent filter finds a statement whose actor or object is a group the agent is a member
            // of (issue 12 §2), as well as the related_agents filter does.
            if (o["member"] is JsonArray members)
                foreach (var member in members)
                    if (ActorIdentity(member) is { } memberId)
                    {
                        if (direct) keys.Add((StatementKeyKind.Agent, memberId));
                        keys.Add((StatementKeyKind.RelatedAgent, memberId));
                    }
        }
        void Activity(JsonNode? activity, bool direct)
        {
            if (activity?["id"] is not JsonValue id) return;
            if (direct) keys.Add((StatementKeyKind.Activity, id.GetValue<string>()));
            keys.Add((StatementKeyKind.RelatedActivity, id.GetValue<string>()));
        }
        void Context(JsonNode? context)
        {
            if (context is not JsonObject c) return;
            Agent(c["instructor"], direct: false);
            Agent(c["team"], direct: false);
            if (c["contextActivities"] is JsonObject activities)
                foreach (var (_, list) in activities)
                {
                    if (list is JsonArray array) foreach (var a in array) Activity(a, direct: false);
                    else Activity(list, direct: false);
                }
            if (c["contextAgents"] is JsonArray contextAgents) foreach (var a in contextAgents) Agent(a?["agent"], direct: false);
            if (c["contextGroups"] is JsonArray contextGroups) foreach (var g in contextGroups) Agent(g?["group"], direct: false);
        }
        void Body(JsonObject s, bool top)
        {
            Agent(s["actor"], direct: top);
            var target = s["object"] as JsonObject;
            var type = target?["objectType"]?.GetValue<string>() ?? "Activity";
            if (type == "Activity") Activity(target, direct: top);
            else if (type is "Agent" or "Group") Agent(target, direct: top);
            else if (type == "SubStatement" && target is not null) Body(target, top: false);
            Context(s["context"]);
            if (top && s["verb"]?["id"] is JsonValue verb) keys.Add((StatementKeyKind.Verb, verb.GetValue<string>()));
            if (top && s["context"]?["registration"] is JsonValue registration)
                keys.Add((StatementKeyKind.Registration, registration.GetValue<string>().ToLowerInvariant()));
        }
        Body(statement, top: true);
        Agent(statement["authority"], direct: false);
        return keys.Select(k => (k.Item1, Hash(k.Item2))).ToList();
    }

    /// Data 2.1.3 "Statement Comparision Requirements": two statements are the same when they differ
    /// only in case, id, group member order, authority, stored, timestamp, version, attachments or
    /// activity definitions.
    public static bool Same(JsonObject a, JsonObject b) => Canonical(a) == Canonical(b);

    private static string Canonical(JsonObject statement)
    {
        var copy = (JsonObject)statement.DeepClone();
        ContextActivitiesAsArrays(copy);
        foreach (var name in new[] { "id", "authority", "stored", "timestamp", "version", "attachments" }) copy.Remove(name);
        if (copy["object"] is JsonObject o)
        {
            o.Remove("definition");
            foreach (var name in new[] { "timestamp", "attachments" }) o.Remove(name);
        }
        var builder = new StringBuilder();
        Write(copy, builder);
        return builder.ToString().ToLowerInvariant();
    }

    private static void Write(JsonNode? node, StringBuilder builder)
    {
        switch (node)
        {
            case JsonObject o:
                builder.Append('{');
                foreach (var (key, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (key == "definition") continue;
                    builder.Append(JsonSerializer.Serialize(key)).Append(':');
                    if (key == "duration" && value is JsonValue d && d.GetValueKind() == JsonValueKind.String)
                        builder.Append(JsonSerializer.Serialize(DurationToHundredths(d.GetValue<string>())));
                    else if (key == "member" && value is JsonArray members)
                    {
                        // Group member order does not matter.
                        var items = members.Select(m => { var b = new StringBuilder(); Write(m, b); return b.ToString(); }).Order(StringComparer.Ordinal);
                        builder.Append('[').AppendJoin(',', items).Append(']');
                    }
                    else Write(value, builder);
                    builder.Append(',');
                }
                builder.Append('}');
                break;
            case JsonArray a:
                builder.Append('[');
                foreach (var item in a) { Write(item, builder); builder.Append(','); }
                builder.Append(']');
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                builder.Append(v.GetValue<JsonElement>().GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                builder.Append(node?.ToJsonString() ?? "null");
                break;
        }
    }

    /// xAPI 2.0 §4.2.7 (Data 4.6): durations are compared to 0.01 s, so "PT1.234S", "PT1.23S" and
    /// "PT1.230S" are the same; the seconds are cut (not rounded) to two decimals.
    internal static string DurationToHundredths(string duration)
    {
        var match = SecondsPart().Match(duration);
        if (!match.Success) return duration;
        var seconds = decimal.Parse(match.Groups["s"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var cut = Math.Truncate(seconds * 100) / 100;
        return duration[..match.Index] + cut.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "S";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<s>\d+(\.\d+)?)S$")]
    private static partial System.Text.RegularExpressions.Regex SecondsPart();

    /// Data 2.4.6.2 (XAPI-00096): a contextActivities value may be sent as one activity, but the LRS
    /// returns every one as an array; done to the statement and to a SubStatement object.
    public static void ContextActivitiesAsArrays(JsonObject statement)
    {
        static void Context(JsonNode? context)
        {
            if (context?["contextActivities"] is not JsonObject activities) return;
            foreach (var (key, value) in activities.ToList())
                if (value is JsonObject single)
                {
                    activities[key] = null;
                    activities[key] = new JsonArray(single);
                }
        }
        Context(statement["context"]);
        if (statement["object"] is JsonObject target && target["objectType"] is JsonValue type && type.GetValueKind() == JsonValueKind.String && type.GetValue<string>() == "SubStatement")
            Context(target["context"]);
    }

    /// format=ids: agents and groups by their identifier only, activities and verbs by id only.
    public static void ToIds(JsonObject statement)
    {
        static void Actor(JsonNode? node)
        {
            if (node is not JsonObject o) return;
            foreach (var name in o.Select(p => p.Key).ToList())
                if (name is not ("objectType" or "mbox" or "mbox_sha1sum" or "openid" or "account" or "member")) o.Remove(name);
            if (o["member"] is JsonArray members)
            {
                // Identified groups are returned by identifier; anonymous ones keep their members' identifiers.
                if (ActorIdentity(o) is not null) o.Remove("member");
                else foreach (var m in members) Actor(m);
            }
        }
        // XAPI-00171: an activity is its id alone (the 1.0.3 suite counts one key; objectType is optional).
        static void Activity(JsonNode? node)
        {
            if (node is not JsonObject o) return;
            foreach (var name in o.Select(p => p.Key).Where(k => k != "id").ToList()) o.Remove(name);
        }
        static void Body(JsonObject s)
        {
            Actor(s["actor"]);
            if (s["verb"] is JsonObject verb) verb.Remove("display");
            if (s["object"] is JsonObject target)
            {
                switch (target["objectType"]?.GetValue<string>() ?? "Activity")
                {
                    case "Activity": Activity(target); break;
                    case "Agent" or "Group": Actor(target); break;
                    case "SubStatement": Body(target); break;
                }
            }
            if (s["context"] is JsonObject context)
            {
                Actor(context["instructor"]);
                Actor(context["team"]);
                if (context["contextAgents"] is JsonArray contextAgents) foreach (var a in contextAgents) Actor(a?["agent"]);
                if (context["contextGroups"] is JsonArray contextGroups) foreach (var g in contextGroups) Actor(g?["group"]);
                if (context["contextActivities"] is JsonObject activities)
                    foreach (var (_, list) in activities)
                    {
                        if (list is JsonArray array) foreach (var a in array) Activity(a);
                        else Activity(list);
                    }
            }
        }
        Body(statement);
        Actor(statement["authority"]);
    }

    /// format=canonical: each language map reduced to the one language the client prefers
    /// (Accept-Language), or the first when none matches.
    public static void ToCanonical(JsonObject statement, IReadOnlyList<string> languages)
    {
        static bool IsMapName(string? parent, string key) =>
            key is "display" or "name" or "description" && parent is not "account";
        void Walk(JsonNode? node, string? parentKey)
        {
            if (node is JsonArray array) { foreach (var item in array) Walk(item, parentKey); return; }
            if (node is not JsonObject o) return;
            foreach (var (key, value) in o.ToList())
            {
                if (key == "extensions") continue;
                if (value is JsonObject map && IsMapName(parentKey, key) && map.Count > 1)
                {
                    var keep = languages.Select(l => map.FirstOrDefault(p => p.Key.Equals(l, StringComparison.OrdinalIgnoreCase)).Key)
                        .FirstOrDefault(k => k is not null)
                        ?? languages.Select(l => map.FirstOrDefault(p => p.Key.StartsWith(l.Split('-')[0], StringComparison.OrdinalIgnoreCase)).Key).FirstOrDefault(k => k is not null)
                        ?? map.First().Key;
                    foreach (var other in map.Select(p => p.Key).Where(k => k != keep).ToList()) map.Remove(other);
                }
                else Walk(value, key);
            }
        }
        Walk(statement, null);
    }
}
