using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using Academy.Xapi.Contracts;
using Academy.Xapi.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Xapi.Statements;

/// IStatementFeed over the statements table: the cursor is the commit sequence (one writer assigns
/// it in commit order), and a learner's course is read through the same key index as a query.
internal sealed partial class StatementFeed(XapiDbContext db, StatementCommits commits, StatementProvider provider) : IStatementFeed
{
    public const int MaxPerRead = 5000;

    private async Task<Sql> SqlAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return new Sql(db.Database.GetDbConnection(), null);
    }

    public async Task<IReadOnlyList<FeedStatement>> ReadAsync(long after, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        max = Math.Min(max, MaxPerRead);
        var sql = await SqlAsync(cancellationToken);
        return await ReadAllAsync(sql, provider.FeedPage(max), cancellationToken, ("@after", after));
    }

    public async Task<long> LatestPositionAsync(CancellationToken cancellationToken = default)
    {
        var sql = await SqlAsync(cancellationToken);
        return await sql.ScalarAsync<long?>("SELECT MAX(Sequence) FROM XapiStatements") ?? 0;
    }

    public async Task<IReadOnlyList<FeedStatement>> ForRegistrationAsync(Guid registration, CancellationToken cancellationToken = default)
    {
        var found = await KeyedAsync([(StatementKeyKind.Registration, registration.ToString("D"))], cancellationToken);
        // A statement that refers to another carries its target's keys too (StatementWriter): keep only
        // the statements that name the registration themselves.
        return found.Where(s => s.Registration == registration).ToList();
    }

    public async Task<IReadOnlyList<FeedStatement>> ForActorAndActivityAsync(XapiAgent actor, string activityId, CancellationToken cancellationToken = default)
    {
        var identity = StatementShape.ActorIdentity(actor.ToJson())!;
        var found = await KeyedAsync([(StatementKeyKind.Agent, identity), (StatementKeyKind.RelatedActivity, activityId)], cancellationToken);
        return found.Where(s => s.Actor?.Key == actor.Key && (s.ActivityId == activityId || ContextActivityIds(s.Json).Contains(activityId))).ToList();
    }

    public Task<bool> WaitForStatementsAsync(long after, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        commits.WaitAsync(after, timeout, cancellationToken);

    /// Statements that are neither voided nor voiding and carry every key, in commit order.
    private async Task<List<FeedStatement>> KeyedAsync(IReadOnlyList<(StatementKeyKind Kind, string Value)> keys, CancellationToken cancellationToken)
    {
        var sql = await SqlAsync(cancellationToken);
        var parameters = new List<(string, object?)> { ("@false", false), ("@kind0", (byte)keys[0].Kind), ("@hash0", StatementShape.Hash(keys[0].Value)) };
        var text = "SELECT s.Sequence, s.Json, s.StoredTicks FROM XapiStatementKeys k0 JOIN XapiStatements s ON s.Sequence = k0.Sequence WHERE k0.Kind = @kind0 AND k0.Hash = @hash0";
        for (var i = 1; i < keys.Count; i++)
        {
            text += $" AND EXISTS (SELECT 1 FROM XapiStatementKeys k{i} WHERE k{i}.Kind = @kind{i} AND k{i}.Hash = @hash{i} AND k{i}.Sequence = k0.Sequence)";
            parameters.Add(($"@kind{i}", (byte)keys[i].Kind));
            parameters.Add(($"@hash{i}", StatementShape.Hash(keys[i].Value)));
        }
        text += " AND s.Voided = @false AND s.IsVoiding = @false ORDER BY k0.Sequence";
        return await ReadAllAsync(sql, text, cancellationToken, [.. parameters]);
    }

    private static async Task<List<FeedStatement>> ReadAllAsync(Sql sql, string text, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        var statements = new List<FeedStatement>();
        await using var command = sql.Command(text, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            statements.Add(Parse(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
        return statements;
    }

    internal static FeedStatement Parse(long position, string text, long storedTicks)
    {
        var json = JsonNode.Parse(text)!.AsObject();
        var target = json["object"] as JsonObject;
        var objectType = target?["objectType"]?.GetValue<string>() ?? "Activity";
        var verbId = json["verb"]!["id"]!.GetValue<string>();
        Guid? statementRef = objectType == "StatementRef" && Guid.TryParse(target?["id"]?.GetValue<string>(), out var r) ? r : null;
        var context = json["context"] as JsonObject;
        var activities = context?["contextActivities"] as JsonObject;
        var result = json["result"] as JsonObject;
        var score = result?["score"] as JsonObject;
        var stored = new DateTimeOffset(storedTicks, TimeSpan.Zero);
        return new FeedStatement
        {
            Position = position,
            Id = Guid.Parse(json["id"]!.GetValue<string>()),
            Actor = XapiAgent.FromJson(json["actor"]),
            VerbId = verbId,
            ObjectType = objectType,
            ActivityId = objectType == "Activity" ? target?["id"]?.GetValue<string>() : null,
            StatementRefId = statementRef,
            Voids = verbId == StatementValidator.VoidedVerb ? statementRef : null,
            Registration = context?["registration"] is JsonValue registration && Guid.TryParse(registration.GetValue<string>(), out var g) ? g : null,
            ParentIds = Ids(activities?["parent"]),
            GroupingIds = Ids(activities?["grouping"]),
            CategoryIds = Ids(activities?["category"]),
            ScoreScaled = Number(score?["scaled"]),
            ScoreRaw = Number(score?["raw"]),
            ScoreMin = Number(score?["min"]),
            ScoreMax = Number(score?["max"]),
            Success = result?["success"]?.GetValue<bool>(),
            Completion = result?["completion"]?.GetValue<bool>(),
            Duration = Duration(result?["duration"]?.GetValue<string>()),
            // The writer sets timestamp when the client did not (Data 2.4.7); rows written around it
            // (the benchmark's generator) may lack one.
            Timestamp = json["timestamp"] is JsonValue timestamp ? DateTimeOffset.Parse(timestamp.GetValue<string>(), CultureInfo.InvariantCulture) : stored,
            Stored = stored,
            Json = text,
        };
    }

    private static IReadOnlyList<string> Ids(JsonNode? activities) => activities switch
    {
        JsonArray array => array.Select(a => a?["id"]?.GetValue<string>()).OfType<string>().ToList(),
        JsonObject single when single["id"] is JsonValue id => [id.GetValue<string>()],
        _ => [],
    };

    private static IEnumerable<string> ContextActivityIds(string text) =>
        JsonNode.Parse(text)?["context"]?["contextActivities"] is JsonObject activities
            ? activities.SelectMany(a => Ids(a.Value))
            : [];

    private static double? Number(JsonNode? value) => value is JsonValue v ? v.GetValue<double>() : null;

    /// ISO 8601 durations without years or months (which have no fixed length); weeks as 7 days.
    internal static TimeSpan? Duration(string? text)
    {
        if (text is null) return null;
        if (WeeksPattern().Match(text) is { Success: true } weeks)
            return TimeSpan.FromDays(7 * double.Parse(weeks.Groups[1].Value, CultureInfo.InvariantCulture));
        var datePart = text.Split('T')[0];
        if (datePart.Contains('Y') || datePart.Contains('M')) return null;
        try { return XmlConvert.ToTimeSpan(text); }
        catch (FormatException) { return null; }
        catch (OverflowException) { return null; }
    }

    [GeneratedRegex(@"^P(\d+(?:\.\d+)?)W$")]
    private static partial Regex WeeksPattern();
}
