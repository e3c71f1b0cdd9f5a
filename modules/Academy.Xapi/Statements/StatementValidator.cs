using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Academy.Xapi.Protocol;

namespace Academy.Xapi.Statements;

/// Every rule xAPI (Data, section 2) sets on a statement, applied to the JSON as received, so that an
/// unknown property, a null or a wrong type is refused with the path of the property and the rule.
/// Version 2.0 adds contextAgents and contextGroups; they are refused in a 1.0.x statement.
internal static partial class StatementValidator
{
    private static readonly HashSet<string> StatementProperties = ["id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version", "attachments", "objectType"];
    private static readonly HashSet<string> SubStatementProperties = ["objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments"];
    private static readonly HashSet<string> AgentProperties = ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"];
    private static readonly HashSet<string> GroupProperties = ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member"];
    private static readonly HashSet<string> DefinitionProperties = ["name", "description", "type", "moreInfo", "interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps", "extensions"];
    private static readonly HashSet<string> ContextProperties1 = ["registration", "instructor", "team", "contextActivities", "revision", "platform", "language", "statement", "extensions"];
    private static readonly HashSet<string> ContextProperties2 = [.. ContextProperties1, "contextAgents", "contextGroups"];
    private static readonly HashSet<string> InteractionTypes = ["true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing", "likert", "numeric", "other"];
    private static readonly string[] Ifis = ["mbox", "mbox_sha1sum", "openid", "account"];

    public const string VoidedVerb = "http://adlnet.gov/expapi/verbs/voided";

    /// Validates one statement. version2: the request or the statement speaks 2.0.
    public static void Statement(JsonElement statement, string path, bool requestIs2)
    {
        Object(statement, path);
        Properties(statement, path, StatementProperties, "Data 2.2: a statement has only the properties the specification defines");
        var version = OptionalString(statement, "version", path);
        if (version is not null && !VersionPattern().IsMatch(version))
            Fail($"{path}.version", $"'{version}' is not a supported xAPI version (1.0, 1.0.x, 2.0 or 2.0.x).", "Data 2.4.10: version");
        var is2 = requestIs2 || version?.StartsWith("2.", StringComparison.Ordinal) == true;
        if (statement.TryGetProperty("objectType", out var objectType))
            Fail($"{path}.objectType", "A statement has no objectType (only a SubStatement does).", "Data 2.2");

        if (statement.TryGetProperty("id", out var id)) Uuid(id, $"{path}.id");
        Body(statement, path, is2, sub: false);
        if (statement.TryGetProperty("stored", out var stored)) Timestamp(stored, $"{path}.stored", is2);
        if (statement.TryGetProperty("authority", out var authority)) Authority(authority, $"{path}.authority");

        // A voiding statement's object is the StatementRef of the statement it voids.
        if (statement.GetProperty("verb").GetProperty("id").GetString() == VoidedVerb)
        {
            var target = statement.GetProperty("object");
            if (!target.TryGetProperty("objectType", out var type) || type.GetString() != "StatementRef")
                Fail($"{path}.object", "A voiding statement's object must be a StatementRef.", "Data 2.3.2: voiding");
        }
    }

    /// What a statement and a SubStatement share: actor, verb, object, result, context, timestamp, attachments.
    private static void Body(JsonElement statement, string path, bool is2, bool sub)
    {
        Actor(Required(statement, "actor", path), $"{path}.actor");
        Verb(Required(statement, "verb", path), $"{path}.verb");
        var target = Required(statement, "object", path);
        var objectType = StatementObject(target, $"{path}.object", is2, sub);
        if (statement.TryGetProperty("result", out var result)) Result(result, $"{path}.result");
        if (statement.TryGetProperty("context", out var context)) Context(context, $"{path}.context", objectType, is2);
        if (statement.TryGetProperty("timestamp", out var timestamp)) Timestamp(timestamp, $"{path}.timestamp", is2);
        if (statement.TryGetProperty("attachments", out var attachments)) Attachments(attachments, $"{path}.attachments");
    }

    public static void Actor(JsonElement actor, string path)
    {
        Object(actor, path);
        var type = actor.TryGetProperty("objectType", out var t) ? StringValue(t, $"{path}.objectType") : "Agent";
        if (type == "Group") Group(actor, path);
        else if (type == "Agent") Agent(actor, path);
        else Fail($"{path}.objectType", $"'{type}' is not Agent or Group.", "Data 2.4.2: actor");
    }

    public static void Agent(JsonElement agent, string path)
    {
        Object(agent, path);
        Properties(agent, path, AgentProperties, "Data 2.4.2.1: agent");
        if (agent.TryGetProperty("objectType", out var t) && StringValue(t, $"{path}.objectType") != "Agent")
            Fail($"{path}.objectType", "An agent's objectType is 'Agent'.", "Data 2.4.2.1");
        OptionalString(agent, "name", path);
        var count = Ifi(agent, path);
        if (count != 1)
            Fail(path, $"An agent has exactly one inverse functional identifier (mbox, mbox_sha1sum, openid or account); this one has {count}.", "Data 2.4.2.1: exactly one IFI");
    }

    public static void Group(JsonElement group, string path)
    {
        Object(group, path);
        Properties(group, path, GroupProperties, "Data 2.4.2.2: group");
        if (!group.TryGetProperty("objectType", out var t) || StringValue(t, $"{path}.objectType") != "Group")
            Fail($"{path}.objectType", "A group's objectType is 'Group'.", "Data 2.4.2.2");
        OptionalString(group, "name", path);
        var count = Ifi(group, path);
        if (count > 1) Fail(path, "An identified group has exactly one inverse functional identifier.", "Data 2.4.2.2");
        if (group.TryGetProperty("member", out var members))
        {
            Array(members, $"{path}.member");
            var i = 0;
            foreach (var member in members.EnumerateArray())
            {
                var memberPath = $"{path}.member[{i++}]";
                Object(member, memberPath);
                if (member.TryGetProperty("objectType", out var mt) && mt.ValueKind == JsonValueKind.String && mt.GetString() == "Group")
                    Fail(memberPath, "A group's members are agents, not groups.", "Data 2.4.2.2");
                Agent(member, memberPath);
            }
            // XAPI-00037: a group without an identifier is known by its members, at least one of them.
            if (count == 0 && i == 0)
                Fail($"{path}.member", "An anonymous group (no identifier) must list at least one member.", "Data 2.4.2.2: anonymous group");
        }
        else if (count == 0)
        {
            Fail($"{path}.member", "An anonymous group (no identifier) must list its members.", "Data 2.4.2.2: anonymous group");
        }
    }

    private static int Ifi(JsonElement agent, string path)
    {
        var count = 0;
        if (agent.TryGetProperty("mbox", out var mbox))
        {
            count++;
            var value = StringValue(mbox, $"{path}.mbox");
            if (!MboxPattern().IsMatch(value)) Fail($"{path}.mbox", $"'{value}' is not a mailto IRI (mailto:name@example.org).", "Data 2.4.2.3: mbox");
        }
        if (agent.TryGetProperty("mbox_sha1sum", out var sha))
        {
            count++;
            var value = StringValue(sha, $"{path}.mbox_sha1sum");
            if (!Sha1Pattern().IsMatch(value)) Fail($"{path}.mbox_sha1sum", "mbox_sha1sum is the hex SHA-1 of a mailto IRI (40 hex digits).", "Data 2.4.2.3");
        }
        if (agent.TryGetProperty("openid", out var openid))
        {
            count++;
            Iri(openid, $"{path}.openid");
        }
        if (agent.TryGetProperty("account", out var account))
        {
            count++;
            var accountPath = $"{path}.account";
            Object(account, accountPath);
            Properties(account, accountPath, ["homePage", "name"], "Data 2.4.2.4: account");
            Iri(Required(account, "homePage", accountPath), $"{accountPath}.homePage");
            StringValue(Required(account, "name", accountPath), $"{accountPath}.name");
        }
        return count;
    }

    private static void Verb(JsonElement verb, string path)
    {
        Object(verb, path);
        Properties(verb, path, ["id", "display"], "Data 2.4.3: verb");
        Iri(Required(verb, "id", path), $"{path}.id");
        if (verb.TryGetProperty("display", out var display)) LanguageMap(display, $"{path}.display");
    }

    private static string StatementObject(JsonElement target, string path, bool is2, bool sub)
    {
        Object(target, path);
        var type = target.TryGetProperty("objectType", out var t) ? StringValue(t, $"{path}.objectType") : "Activity";
        switch (type)
        {
            case "Activity": Activity(target, path); break;
            case "Agent": Agent(target, path); break;
            case "Group": Group(target, path); break;
            case "StatementRef": StatementRef(target, path); break;
            case "SubStatement":
                if (sub) Fail(path, "A SubStatement cannot contain another SubStatement.", "Data 2.4.4.3: substatement");
                Properties(target, path, SubStatementProperties, "Data 2.4.4.3: a SubStatement has no id, stored, version or authority");
                Body(target, path, is2, sub: true);
                break;
            default: Fail($"{path}.objectType", $"'{type}' is not an object type (Activity, Agent, Group, StatementRef, SubStatement).", "Data 2.4.4"); break;
        }
        return type;
    }

    public static void Activity(JsonElement activity, string path)
    {
        Object(activity, path);
        Properties(activity, path, ["objectType", "id", "definition"], "Data 2.4.4.1: activity");
        Iri(Required(activity, "id", path), $"{path}.id");
        if (!activity.TryGetProperty("definition", out var definition)) return;
        var defPath = $"{path}.definition";
        Object(definition, defPath);
        Properties(definition, defPath, DefinitionProperties, "Data 2.4.4.1: activity definition");
        if (definition.TryGetProperty("name", out var name)) LanguageMap(name, $"{defPath}.name");
        if (definition.TryGetProperty("description", out var description)) LanguageMap(description, $"{defPath}.description");
        if (definition.TryGetProperty("type", out var type)) Iri(type, $"{defPath}.type");
        if (definition.TryGetProperty("moreInfo", out var moreInfo)) Iri(moreInfo, $"{defPath}.moreInfo");
        if (definition.TryGetProperty("extensions", out var extensions)) Extensions(extensions, $"{defPath}.extensions");
        string? interactionType = null;
        if (definition.TryGetProperty("interactionType", out var it))
        {
            interactionType = StringValue(it, $"{defPath}.interactionType");
            if (!InteractionTypes.Contains(interactionType))
                Fail($"{defPath}.interactionType", $"'{interactionType}' is not an interaction type.", "Data 2.4.4.1.1: interaction activities");
        }
        if (definition.TryGetProperty("correctResponsesPattern", out var pattern))
        {
            if (interactionType is null) Fail($"{defPath}.correctResponsesPattern", "correctResponsesPattern needs an interactionType.", "Data 2.4.4.1.1");
            Array(pattern, $"{defPath}.correctResponsesPattern");
            var i = 0;
            foreach (var p in pattern.EnumerateArray()) StringValue(p, $"{defPath}.correctResponsesPattern[{i++}]");
        }
        foreach (var (list, types) in new[] { ("choices", new[] { "choice", "sequencing" }), ("scale", ["likert"]), ("source", ["matching"]), ("target", ["matching"]), ("steps", ["performance"]) })
        {
            if (!definition.TryGetProperty(list, out var components)) continue;
            var listPath = $"{defPath}.{list}";
            if (interactionType is null || !types.Contains(interactionType))
                Fail(listPath, $"'{list}' belongs to interaction types {string.Join(", ", types)} only.", "Data 2.4.4.1.1: interaction components");
            Array(components, listPath);
            var ids = new HashSet<string>();
            var i = 0;
            foreach (var component in components.EnumerateArray())
            {
                var componentPath = $"{listPath}[{i++}]";
                Object(component, componentPath);
                Properties(component, componentPath, ["id", "description"], "Data 2.4.4.1.1: interaction component");
                var id = StringValue(Required(component, "id", componentPath), $"{componentPath}.id");
                if (!ids.Add(id)) Fail($"{componentPath}.id", $"The id '{id}' appears twice in {list}.", "Data 2.4.4.1.1: component ids are unique");
                if (component.TryGetProperty("description", out var d)) LanguageMap(d, $"{componentPath}.description");
            }
        }
    }

    private static void StatementRef(JsonElement reference, string path)
    {
        Properties(reference, path, ["objectType", "id"], "Data 2.4.4.2: statement reference");
        Uuid(Required(reference, "id", path), $"{path}.id");
    }

    private static void Result(JsonElement result, string path)
    {
        Object(result, path);
        Properties(result, path, ["score", "success", "completion", "response", "duration", "extensions"], "Data 2.4.5: result");
        if (result.TryGetProperty("success", out var success)) Boolean(success, $"{path}.success");
        if (result.TryGetProperty("completion", out var completion)) Boolean(completion, $"{path}.completion");
        OptionalString(result, "response", path);
        if (result.TryGetProperty("duration", out var duration) && !DurationPattern().IsMatch(StringValue(duration, $"{path}.duration")))
            Fail($"{path}.duration", $"'{duration.GetString()}' is not an ISO 8601 duration (e.g. PT1H30M).", "Data 4.6: ISO 8601 durations");
        if (result.TryGetProperty("extensions", out var extensions)) Extensions(extensions, $"{path}.extensions");
        if (!result.TryGetProperty("score", out var score)) return;
        var scorePath = $"{path}.score";
        Object(score, scorePath);
        Properties(score, scorePath, ["scaled", "raw", "min", "max"], "Data 2.4.5.1: score");
        double? Number(string name)
        {
            if (!score.TryGetProperty(name, out var value)) return null;
            if (value.ValueKind != JsonValueKind.Number) Fail($"{scorePath}.{name}", $"score.{name} must be a number.", "Data 2.4.5.1");
            return value.GetDouble();
        }
        var scaled = Number("scaled");
        var raw = Number("raw");
        var min = Number("min");
        var max = Number("max");
        if (scaled is < -1 or > 1) Fail($"{scorePath}.scaled", "score.scaled must be between -1 and 1.", "Data 2.4.5.1: scaled");
        if (min is not null && max is not null && min >= max) Fail($"{scorePath}.min", "score.min must be less than score.max.", "Data 2.4.5.1");
        if (raw is not null && min is not null && raw < min) Fail($"{scorePath}.raw", "score.raw must not be less than score.min.", "Data 2.4.5.1: raw between min and max");
        if (raw is not null && max is not null && raw > max) Fail($"{scorePath}.raw", "score.raw must not be more than score.max.", "Data 2.4.5.1: raw between min and max");
    }

    private static void Context(JsonElement context, string path, string objectType, bool is2)
    {
        Object(context, path);
        Properties(context, path, is2 ? ContextProperties2 : ContextProperties1, "Data 2.4.6: context");
        if (context.TryGetProperty("registration", out var registration)) Uuid(registration, $"{path}.registration");
        if (context.TryGetProperty("instructor", out var instructor)) Actor(instructor, $"{path}.instructor");
        if (context.TryGetProperty("team", out var team)) Group(team, $"{path}.team");
        foreach (var name in new[] { "revision", "platform" })
        {
            if (!context.TryGetProperty(name, out var value)) continue;
            StringValue(value, $"{path}.{name}");
            if (objectType != "Activity") Fail($"{path}.{name}", $"context.{name} is allowed only when the object is an Activity.", "Data 2.4.6: revision and platform");
        }
        if (context.TryGetProperty("language", out var language) && !LanguageTagPattern().IsMatch(StringValue(language, $"{path}.language")))
            Fail($"{path}.language", $"'{language.GetString()}' is not an RFC 5646 language tag.", "Data 2.4.6");
        if (context.TryGetProperty("statement", out var statement))
        {
            Object(statement, $"{path}.statement");
            if (!statement.TryGetProperty("objectType", out var t) || t.ValueKind != JsonValueKind.String || t.GetString() != "StatementRef")
                Fail($"{path}.statement.objectType", "context.statement is a StatementRef.", "Data 2.4.6");
            StatementRef(statement, $"{path}.statement");
        }
        if (context.TryGetProperty("extensions", out var extensions)) Extensions(extensions, $"{path}.extensions");
        if (context.TryGetProperty("contextActivities", out var activities))
        {
            var caPath = $"{path}.contextActivities";
            Object(activities, caPath);
            Properties(activities, caPath, ["parent", "grouping", "category", "other"], "Data 2.4.6.2: context activities");
            foreach (var property in activities.EnumerateObject())
            {
                var listPath = $"{caPath}.{property.Name}";
                if (property.Value.ValueKind == JsonValueKind.Array)
                {
                    var i = 0;
                    foreach (var activity in property.Value.EnumerateArray()) ContextActivity(activity, $"{listPath}[{i++}]");
                }
                else ContextActivity(property.Value, listPath);
            }
        }
        if (context.TryGetProperty("contextAgents", out var contextAgents))
            ContextActors(contextAgents, $"{path}.contextAgents", "contextAgent", "agent");
        if (context.TryGetProperty("contextGroups", out var contextGroups))
            ContextActors(contextGroups, $"{path}.contextGroups", "contextGroup", "group");
    }

    private static void ContextActivity(JsonElement activity, string path)
    {
        Object(activity, path);
        if (activity.TryGetProperty("objectType", out var t) && StringValue(t, $"{path}.objectType") != "Activity")
            Fail($"{path}.objectType", "Context activities are activities.", "Data 2.4.6.2");
        Activity(activity, path);
    }

    private static void ContextActors(JsonElement list, string path, string objectType, string property)
    {
        Array(list, path);
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var itemPath = $"{path}[{i++}]";
            Object(item, itemPath);
            Properties(item, itemPath, ["objectType", property, "relevantTypes"], $"xAPI 2.0 Data 2.4.6: {objectType}");
            if (StringValue(Required(item, "objectType", itemPath), $"{itemPath}.objectType") != objectType)
                Fail($"{itemPath}.objectType", $"The objectType is '{objectType}'.", "xAPI 2.0 Data 2.4.6");
            if (property == "agent") Agent(Required(item, property, itemPath), $"{itemPath}.agent");
            else Group(Required(item, property, itemPath), $"{itemPath}.group");
            if (item.TryGetProperty("relevantTypes", out var types))
            {
                Array(types, $"{itemPath}.relevantTypes");
                if (types.GetArrayLength() == 0) Fail($"{itemPath}.relevantTypes", "relevantTypes, when present, lists at least one IRI.", "xAPI 2.0 Data 2.4.6");
                var j = 0;
                foreach (var type in types.EnumerateArray()) Iri(type, $"{itemPath}.relevantTypes[{j++}]");
            }
        }
    }

    private static void Authority(JsonElement authority, string path)
    {
        Actor(authority, path);
        if (!authority.TryGetProperty("objectType", out var t) || t.GetString() != "Group") return;
        // An OAuth authority is an anonymous group of exactly two agents (the application and the user):
        // an identified group is refused (XAPI-00100, v1_0_3 authorities.js).
        if (Ifis.Any(ifi => authority.TryGetProperty(ifi, out _)))
            Fail(path, "A group authority is an anonymous group (the OAuth application and user), without an identifier.", "Data 2.4.9: authority");
        if (!authority.TryGetProperty("member", out var members) || members.GetArrayLength() != 2)
            Fail($"{path}.member", "A group authority has exactly two members.", "Data 2.4.9: authority");
    }

    private static void Attachments(JsonElement attachments, string path)
    {
        Array(attachments, path);
        var i = 0;
        foreach (var attachment in attachments.EnumerateArray())
        {
            var itemPath = $"{path}[{i++}]";
            Object(attachment, itemPath);
            Properties(attachment, itemPath, ["usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"], "Data 2.4.11: attachments");
            Iri(Required(attachment, "usageType", itemPath), $"{itemPath}.usageType");
            LanguageMap(Required(attachment, "display", itemPath), $"{itemPath}.display");
            if (attachment.TryGetProperty("description", out var description)) LanguageMap(description, $"{itemPath}.description");
            var contentType = StringValue(Required(attachment, "contentType", itemPath), $"{itemPath}.contentType");
            if (!MediaTypePattern().IsMatch(contentType)) Fail($"{itemPath}.contentType", $"'{contentType}' is not an Internet media type.", "Data 2.4.11");
            var length = Required(attachment, "length", itemPath);
            if (length.ValueKind != JsonValueKind.Number || !length.TryGetInt64(out var l) || l < 0)
                Fail($"{itemPath}.length", "length is a whole number of octets.", "Data 2.4.11");
            var sha2 = StringValue(Required(attachment, "sha2", itemPath), $"{itemPath}.sha2");
            if (!Sha2Pattern().IsMatch(sha2)) Fail($"{itemPath}.sha2", "sha2 is the hex SHA-2 hash of the content.", "Data 2.4.11");
            if (attachment.TryGetProperty("fileUrl", out var fileUrl)) Iri(fileUrl, $"{itemPath}.fileUrl");
        }
    }

    public static void LanguageMap(JsonElement map, string path)
    {
        Object(map, path);
        if (!map.EnumerateObject().Any()) Fail(path, $"{path} is a language map with at least one entry.", "Data 4.2: language maps");
        foreach (var entry in map.EnumerateObject())
        {
            if (!LanguageTagPattern().IsMatch(entry.Name))
                Fail($"{path}.{entry.Name}", $"'{entry.Name}' is not an RFC 5646 language tag.", "Data 4.2: language maps");
            StringValue(entry.Value, $"{path}.{entry.Name}");
        }
    }

    private static void Extensions(JsonElement extensions, string path)
    {
        Object(extensions, path);
        foreach (var entry in extensions.EnumerateObject())
            if (!IsIri(entry.Name)) Fail($"{path}[{entry.Name}]", $"The extension key '{entry.Name}' is not an IRI.", "Data 4.1: extensions are keyed by IRI");
    }

    /// Data 4.5: ISO 8601 (RFC 3339 allows a space for the T). xAPI 1.0.3 says a timestamp SHOULD
    /// include the time zone, so a 1.0.x statement may leave it out (read as UTC); 2.0 requires it.
    public static void Timestamp(JsonElement value, string path, bool is2)
    {
        var text = StringValue(value, path);
        if (ParseTimestamp(text, zoneRequired: is2) is null)
            Fail(path, is2
                ? $"'{text}' is not an ISO 8601 timestamp with a time zone (e.g. 2026-11-25T09:00:00.000Z)."
                : $"'{text}' is not an ISO 8601 timestamp (e.g. 2026-11-25T09:00:00.000Z).", "Data 4.5: ISO 8601 timestamps");
    }

    /// A timestamp with its time zone ("-00:00", RFC 3339's "unknown offset", is refused). With
    /// zoneRequired false, one without a zone is read as UTC.
    public static DateTimeOffset? ParseTimestamp(string text, bool zoneRequired = true)
    {
        var match = TimestampPattern().Match(text);
        if (!match.Success) return null;
        var zone = match.Groups["zone"].Value;
        if (zone is "-00:00" or "-0000" or "-00") return null;
        if (zone.Length == 0 && zoneRequired) return null;
        var local = match.Groups["local"].Value.Replace(' ', 'T').Replace('t', 'T');
        var normalised = zone switch
        {
            "" or "Z" or "z" => local + "+00:00",
            { Length: 3 } => local + zone + ":00",
            { Length: 5 } => local + zone[..3] + ":" + zone[3..],
            _ => local + zone,
        };
        return DateTimeOffset.TryParse(normalised, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
    }

    public static void Uuid(JsonElement value, string path)
    {
        var text = StringValue(value, path);
        if (!UuidPattern().IsMatch(text)) Fail(path, $"'{text}' is not a UUID.", "Data 2.4.1: ids are UUIDs (RFC 4122)");
    }

    public static bool IsUuid(string text) => UuidPattern().IsMatch(text);

    private static void Iri(JsonElement value, string path)
    {
        var text = StringValue(value, path);
        if (!IsIri(text)) Fail(path, $"'{text}' is not an absolute IRI.", "Data 4.1: IRIs");
    }

    public static bool IsIri(string text) =>
        text.Length > 0 && !text.Any(char.IsWhiteSpace) && IriSchemePattern().IsMatch(text) && Uri.TryCreate(text, UriKind.Absolute, out _);

    private static void Properties(JsonElement element, string path, IReadOnlyCollection<string> allowed, string rule)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
                Fail($"{path}.{property.Name}", $"'{property.Name}' is not a property of {path}.", rule);
            if (property.Value.ValueKind == JsonValueKind.Null)
                Fail($"{path}.{property.Name}", $"'{property.Name}' is null; leave a property out rather than set it to null.", "Data 2.2: no null values");
        }
    }

    private static JsonElement Required(JsonElement element, string name, string path)
    {
        if (!element.TryGetProperty(name, out var value)) Fail($"{path}.{name}", $"'{name}' is required.", "Data 2.2");
        return value;
    }

    private static string? OptionalString(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out var value) ? StringValue(value, $"{path}.{name}") : null;

    private static string StringValue(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String) Fail(path, $"{path} must be a string.", "Data 2.2: property types");
        return value.GetString()!;
    }

    private static void Boolean(JsonElement value, string path)
    {
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) Fail(path, $"{path} must be true or false.", "Data 2.2: property types");
    }

    private static void Object(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object) Fail(path, $"{path} must be a JSON object.", "Data 2.2: property types");
    }

    private static void Array(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array) Fail(path, $"{path} must be an array.", "Data 2.2: property types");
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Fail(string property, string message, string rule) => throw new XapiException(message, property, rule);

    [GeneratedRegex(@"^(1\.0(\.\d+)?|2\.0(\.\d+)?)$")] private static partial Regex VersionPattern();
    [GeneratedRegex(@"^mailto:[^@\s]+@[^@\s]+$")] private static partial Regex MboxPattern();
    [GeneratedRegex(@"^[0-9a-fA-F]{40}$")] private static partial Regex Sha1Pattern();
    [GeneratedRegex(@"^([0-9a-fA-F]{56}|[0-9a-fA-F]{64}|[0-9a-fA-F]{96}|[0-9a-fA-F]{128})$")] private static partial Regex Sha2Pattern();
    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")] private static partial Regex UuidPattern();
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:")] private static partial Regex IriSchemePattern();
    [GeneratedRegex(@"^(([A-Za-z]{2,3}(-[A-Za-z]{3}){0,3})|[A-Za-z]{4,8})(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-[0-9A-WY-Za-wy-z](-[A-Za-z0-9]{2,8})+)*(-[Xx](-[A-Za-z0-9]{1,8})+)?$|^[Xx](-[A-Za-z0-9]{1,8})+$|^i-[A-Za-z]+$")]
    private static partial Regex LanguageTagPattern();
    [GeneratedRegex(@"^[A-Za-z0-9!#$&^_.+\-]+/[A-Za-z0-9!#$&^_.+\-]+(\s*;.*)?$")] private static partial Regex MediaTypePattern();
    // ISO 8601 4.4.3.2: PnYnMnDTnHnMnS, or PnW alone (weeks do not combine with the other units).
    [GeneratedRegex(@"^P((\d+(\.\d+)?W)|(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?)$")]
    private static partial Regex DurationPattern();
    [GeneratedRegex(@"^(?<local>\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)(?<zone>Z|z|[+-]\d{2}(:?\d{2})?)?$")]
    private static partial Regex TimestampPattern();
}
