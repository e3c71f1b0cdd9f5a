using System.Text.Json.Nodes;
using Academy.Xapi.Data;
using Academy.Xapi.Protocol;
using Academy.Xapi.Statements;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Academy.Xapi.Documents;

/// Communication 2.5: the Activity object the LRS has for an id. The LRS keeps no activity table:
/// XAPI-00254, its definition is everything the (not voided) statements about the activity say of it,
/// merged oldest to newest (language maps and extensions key by key, interaction components by id,
/// anything else the newest), found through the statements' key table; an activity never seen is
/// still returned, with its id only (2.5.s2.b1).
internal static class ActivitiesResource
{
    private const string Section = "Communication 2.5: Activities resource";
    // How many recent statements about the activity are read for its definition: a bound on one GET's
    // work, far above how often a definition changes in practice.
    private const int StatementsToSearch = 1000;

    public static async Task<IResult> GetAsync(HttpContext http, XapiDbContext db)
    {
        XapiProtocol.RejectUnknownParameters(http.Request, "activityId");
        var activityId = DocumentParameters.ActivityId(http.Request, Section);

        var activity = new JsonObject { ["objectType"] = "Activity", ["id"] = activityId };
        JsonObject? merged = null;
        var newestFirst = await RecentStatementsAsync(db, StatementKeyKind.RelatedActivity, StatementShape.Hash(activityId), StatementsToSearch, http.RequestAborted);
        for (var i = newestFirst.Count - 1; i >= 0; i--)
        {
            if (FindDefinition(JsonNode.Parse(newestFirst[i]), activityId) is JsonObject definition)
                merged = merged is null ? (JsonObject)definition.DeepClone() : Merge(merged, definition);
        }
        if (merged is not null) activity["definition"] = merged;
        return Results.Text(activity.ToJsonString(), "application/json");
    }

    private static readonly string[] LanguageMaps = ["name", "description"];
    private static readonly string[] Components = ["choices", "scale", "source", "target", "steps"];

    /// Folds a newer definition into what is known: language maps and extensions gain the newer keys
    /// (a language given again takes the newer text), interaction components merge by id, and any
    /// other property takes the newer value.
    private static JsonObject Merge(JsonObject known, JsonObject newer)
    {
        foreach (var (key, value) in newer)
        {
            if (value is null) continue;
            if ((LanguageMaps.Contains(key) || key == "extensions") && known[key] is JsonObject knownMap && value is JsonObject newerMap)
                foreach (var (entry, text) in newerMap) knownMap[entry] = text?.DeepClone();
            else if (Components.Contains(key) && known[key] is JsonArray knownList && value is JsonArray newerList)
            {
                foreach (var component in newerList.OfType<JsonObject>())
                {
                    var id = component["id"]?.ToString();
                    var same = knownList.OfType<JsonObject>().FirstOrDefault(c => c["id"]?.ToString() == id);
                    if (same is null) knownList.Add(component.DeepClone());
                    else if (component["description"] is JsonObject description)
                    {
                        if (same["description"] is not JsonObject sameDescription) same["description"] = description.DeepClone();
                        else foreach (var (entry, text) in description) sameDescription[entry] = text?.DeepClone();
                    }
                }
            }
            else known[key] = value.DeepClone();
        }
        return known;
    }

    /// The JSON of the most recent statements with this key, newest first, voided ones left out.
    internal static async Task<List<string>> RecentStatementsAsync(XapiDbContext db, StatementKeyKind kind, byte[] hash, int count, CancellationToken cancellationToken)
    {
        var sequences = await db.StatementKeys.AsNoTracking()
            .Where(k => k.Kind == kind && k.Hash == hash)
            .OrderByDescending(k => k.Sequence).Select(k => k.Sequence).Take(count)
            .ToListAsync(cancellationToken);
        if (sequences.Count == 0) return [];
        return await db.Statements.AsNoTracking()
            .Where(s => sequences.Contains(s.Sequence) && !s.Voided)
            .OrderByDescending(s => s.Sequence).Select(s => s.Json)
            .ToListAsync(cancellationToken);
    }

    /// The definition of the activity wherever the statement names it: object, context activities,
    /// and the same inside a SubStatement.
    private static JsonNode? FindDefinition(JsonNode? statement, string activityId)
    {
        if (statement is not JsonObject s) return null;
        static JsonNode? Of(JsonNode? activity, string id) =>
            activity is JsonObject a && a["id"] is JsonValue value && value.GetValue<string>() == id && a["definition"] is JsonObject definition && definition.Count > 0
                ? definition : null;

        var target = s["object"] as JsonObject;
        var type = target?["objectType"] is JsonValue t ? t.GetValue<string>() : "Activity";
        if (type == "Activity" && Of(target, activityId) is { } direct) return direct;
        if (s["context"]?["contextActivities"] is JsonObject lists)
        {
            foreach (var (_, list) in lists)
            {
                if (list is JsonArray array)
                {
                    foreach (var item in array) if (Of(item, activityId) is { } found) return found;
                }
                else if (Of(list, activityId) is { } single) return single;
            }
        }
        return type == "SubStatement" ? FindDefinition(target, activityId) : null;
    }
}
