using System.Globalization;
using System.Text.Json.Nodes;

namespace Academy.Xapi.Statements;

/// Every property of a statement that the LRS, not the client, decides (issue 12 §5), set here and
/// nowhere else: id, version, stored, timestamp and authority. Validation only reads what the client
/// sent (ClaimedId, Version); the writer sets them all at commit (Set), when stored is known.
internal static class ServerFields
{
    /// Data 2.4.1: the PUT's statementId, else the client's id, else a new one (Communication 2.1.2).
    public static (Guid Id, bool IsNew) ClaimedId(JsonObject statement, Guid? putId) =>
        putId is { } put ? (put, false)
        : statement["id"] is JsonValue given ? (Guid.Parse(given.GetValue<string>()), false)
        : (Guid.NewGuid(), true);

    /// Data 2.4.10: the client's version, else the version the request speaks.
    public static string Version(JsonObject statement, bool isVersion2) =>
        statement["version"]?.GetValue<string>() ?? (isVersion2 ? "2.0.0" : "1.0.0");

    /// Data 2.4.8/2.4.9: stored is the commit's; timestamp is the client's, else stored; authority is
    /// the credential's, whatever the client sent.
    public static void Set(JsonObject statement, Guid id, string version, DateTimeOffset stored, JsonObject authority)
    {
        var storedText = stored.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        statement["id"] = id.ToString();
        statement["version"] = version;
        statement.Remove("authority");
        statement.Remove("stored");
        statement["stored"] = storedText;
        statement["timestamp"] ??= storedText;
        statement["authority"] = authority.DeepClone();
    }

    /// Data 2.4.9: the agent named by an account of the credential's key (or the site's own name).
    public static JsonObject Authority(string homePage, string name) => new()
    {
        ["objectType"] = "Agent",
        ["account"] = new JsonObject { ["homePage"] = homePage, ["name"] = name },
    };
}
