using System.Text.Json.Nodes;

namespace Academy.Xapi.Tests;

/// Statements for tests, each unique to its test (fresh agent and activity ids) so tests share a site safely.
public static class Statements
{
    public static string NewMbox() => $"mailto:learner-{Guid.NewGuid():N}@example.org";
    public static string NewActivity() => $"http://academy.test/activities/{Guid.NewGuid():N}";
    public const string Completed = "http://adlnet.gov/expapi/verbs/completed";
    public const string Attempted = "http://adlnet.gov/expapi/verbs/attempted";

    public static JsonObject Make(string? mbox = null, string? activity = null, string verb = Completed, string? id = null)
    {
        var statement = new JsonObject
        {
            ["actor"] = new JsonObject { ["objectType"] = "Agent", ["name"] = "A learner", ["mbox"] = mbox ?? NewMbox() },
            ["verb"] = new JsonObject { ["id"] = verb, ["display"] = new JsonObject { ["en-GB"] = "completed" } },
            ["object"] = new JsonObject
            {
                ["objectType"] = "Activity",
                ["id"] = activity ?? NewActivity(),
                ["definition"] = new JsonObject { ["name"] = new JsonObject { ["en-GB"] = "A lesson", ["fr"] = "Une leçon" } },
            },
        };
        if (id is not null) statement["id"] = id;
        return statement;
    }

    public static JsonObject With(this JsonObject statement, Action<JsonObject> change)
    {
        change(statement);
        return statement;
    }

    public static string AgentParameter(string mbox) => Uri.EscapeDataString(new JsonObject { ["mbox"] = mbox }.ToJsonString());
}
