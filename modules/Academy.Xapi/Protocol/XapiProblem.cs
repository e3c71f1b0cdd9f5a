using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Academy.Xapi.Protocol;

/// The error body of every refused xAPI request: the status, what was wrong (the property, as a JSON
/// path where there is one) and the rule it broke, so that a content author can fix their statement.
public static class XapiProblem
{
    public static IResult BadRequest(string message, string? property = null, string? rule = null) =>
        Create(StatusCodes.Status400BadRequest, message, property, rule);

    public static IResult Create(int status, string message, string? property = null, string? rule = null) =>
        Results.Json(new XapiError(status, message, property, rule), XapiJson.Options, "application/json", status);

    public static Task WriteAsync(HttpContext context, int status, string message, string? property = null, string? rule = null)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new XapiError(status, message, property, rule), XapiJson.Options, "application/json");
    }
}

public sealed record XapiError(int Status, string Message, string? Property, string? Rule);

/// Thrown by validation and request parsing; the endpoint filter turns it into a 400 (or the status given).
public sealed class XapiException(string message, string? property = null, string? rule = null, int status = StatusCodes.Status400BadRequest)
    : Exception(message)
{
    public string? Property { get; } = property;
    public string? Rule { get; } = rule;
    public int Status { get; } = status;
}

public static class XapiJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// Deep nesting, duplicate keys and comments are refused at parse time, before validation.
    public static readonly System.Text.Json.JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = 32,
        AllowDuplicateProperties = false,
        CommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// Issue 8 §4: JSON can spell a lone UTF-16 surrogate as an escape ("\ud800"). That is no text: .NET
    /// cannot read it as a string, and stored it would break every later read or merge. Call on any
    /// JSON a client sends; the answer is a 400 naming where it is, and nothing is stored.
    public static void RejectLoneSurrogates(JsonElement root, string path, string? rule = null)
    {
        if (FindLoneSurrogate(root, path) is { } at)
            throw new XapiException($"{at} holds a lone UTF-16 surrogate (an unpaired \\uD800-\\uDFFF escape), which is not text.", at, rule ?? "Communication 1.4: encoding");
    }

    /// A lone surrogate can only arrive as a \u escape (valid UTF-8 cannot encode one), so JSON without
    /// "\u" needs no walk: statements are checked at the cost of one byte search.
    public static void RejectLoneSurrogates(ReadOnlySpan<byte> utf8, JsonElement root, string path, string? rule = null)
    {
        if (utf8.IndexOf("\\u"u8) >= 0) RejectLoneSurrogates(root, path, rule);
    }

    /// The JSON path of the first string or property name that is not valid UTF-16, or null.
    public static string? FindLoneSurrogate(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try { name = property.Name; }
                    catch (InvalidOperationException) { return path; }
                    if (FindLoneSurrogate(property.Value, $"{path}.{name}") is { } found) return found;
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    if (FindLoneSurrogate(item, $"{path}[{index++}]") is { } found) return found;
                return null;
            case JsonValueKind.String:
                try { element.GetString(); return null; }
                catch (InvalidOperationException) { return path; }
            default:
                return null;
        }
    }

    /// The same for JSON the site built itself (IStatementWriter): System.Text.Json writes a .NET string
    /// holding a lone surrogate as U+FFFD without a word, so what was stored would not be what was given.
    public static string? FindLoneSurrogate(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject properties:
                foreach (var (name, value) in properties)
                {
                    if (!IsText(name)) return path;
                    if (FindLoneSurrogate(value, $"{path}.{name}") is { } found) return found;
                }
                return null;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                    if (FindLoneSurrogate(items[i], $"{path}[{i}]") is { } found) return found;
                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                try { return IsText(value.GetValue<string>()) ? null : path; }
                catch (InvalidOperationException) { return path; } // a JsonElement's lone surrogate
            default:
                return null;
        }
    }

    private static bool IsText(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }
}
