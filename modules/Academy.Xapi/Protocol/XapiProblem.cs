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
}
