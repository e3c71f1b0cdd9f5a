using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Academy.Xapi.Statements;

/// Every property of a statement that the LRS, not the client, decides (issue 12 §5), set here and
/// nowhere else: id and version once the statement is valid (Claim, on the request's thread), stored,
/// timestamp and authority at commit (Stamp, in the writer's transaction). Claim writes the statement
/// out once, so the writer's transaction only appends the commit's fields to the text (issue 12 §3).
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

    /// Sets the id and version; drops what the client sent as authority or stored (Data 2.4.8/2.4.9:
    /// the LRS's own); answers the statement's JSON text without its closing brace, for Stamp.
    public static string Claim(JsonObject statement, Guid id, string version)
    {
        statement["id"] = id.ToString();
        statement["version"] = version;
        statement.Remove("authority");
        statement.Remove("stored");
        var text = statement.ToJsonString();
        return text[..^1];
    }

    /// The stored JSON: stored is the commit's; timestamp the client's, else stored (Data 2.4.7);
    /// authority the credential's (authorityJson: Authority(...) written out).
    public static string Stamp(PreparedStatement statement, DateTimeOffset stored, string authorityJson)
    {
        var storedText = stored.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var text = new StringBuilder(statement.ClaimedText.Length + authorityJson.Length + 80).Append(statement.ClaimedText)
            .Append(",\"stored\":\"").Append(storedText).Append('"');
        if (statement.Json["timestamp"] is null) text.Append(",\"timestamp\":\"").Append(storedText).Append('"');
        return text.Append(",\"authority\":").Append(authorityJson).Append('}').ToString();
    }

    /// Data 2.4.9: the agent named by an account of the credential's key (or the site's own name).
    public static JsonObject Authority(string homePage, string name) => new()
    {
        ["objectType"] = "Agent",
        ["account"] = new JsonObject { ["homePage"] = homePage, ["name"] = name },
    };
}
