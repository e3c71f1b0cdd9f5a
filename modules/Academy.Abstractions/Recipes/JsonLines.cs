using System.Text.Json;

namespace Academy.Recipes;

/// Finds the line of a JSON path ("$.steps[2].trusts[0].odsCode") in a file, so that a refused
/// recipe names the line a person must fix. When the exact path is missing (a property that should
/// be there but is not), the line of its nearest existing parent is given.
public static class JsonLines
{
    public static int LineOf(ReadOnlySpan<byte> json, string path)
    {
        var best = 1;
        var bestLength = -1;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new List<(bool IsArray, int Index, string? Path)>();
        string? pendingProperty = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    pendingProperty = reader.GetString();
                    Consider(Current(stack, pendingProperty), reader.TokenStartIndex, json, path, ref best, ref bestLength);
                    continue;
                }
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }
                var here = Current(stack, pendingProperty);
                Consider(here, reader.TokenStartIndex, json, path, ref best, ref bestLength);
                AdvanceArray(stack);
                // Paths inside a container are built from the stack, which holds each open container's own path.
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    stack.Add((reader.TokenType == JsonTokenType.StartArray, -1, here));
                pendingProperty = null;
            }
        }
        catch (JsonException)
        {
            // A syntax error is reported by the parser itself; here the best line so far is enough.
        }
        return best;
    }

    private static string Current(List<(bool IsArray, int Index, string? Path)> stack, string? property)
    {
        if (stack.Count == 0) return "$";
        var parent = stack[^1];
        var parentPath = parent.Path ?? "$";
        return parent.IsArray ? $"{parentPath}[{parent.Index + 1}]" : $"{parentPath}.{property}";
    }

    private static void AdvanceArray(List<(bool IsArray, int Index, string? Path)> stack)
    {
        if (stack.Count > 0 && stack[^1].IsArray) stack[^1] = (true, stack[^1].Index + 1, stack[^1].Path);
    }

    private static void Consider(string candidate, long offset, ReadOnlySpan<byte> json, string target, ref int best, ref int bestLength)
    {
        var matches = candidate == target || target.StartsWith(candidate + ".", StringComparison.Ordinal) || target.StartsWith(candidate + "[", StringComparison.Ordinal);
        if (!matches || candidate.Length < bestLength) return;
        bestLength = candidate.Length;
        best = 1 + json[..(int)offset].Count((byte)'\n');
    }
}
