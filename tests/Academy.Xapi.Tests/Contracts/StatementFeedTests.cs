using System.Net;
using System.Text.Json.Nodes;
using Academy.Xapi.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Xapi.Tests.Contracts;

/// IStatementFeed (issue 9 §4): what the learning module's progress projection reads, in commit order
/// with a cursor, and a learner's course from scratch without voided statements.
public sealed class StatementFeedTests(LrsSite site) : IClassFixture<LrsSite>
{
    private Task<T> FeedAsync<T>(Func<IStatementFeed, Task<T>> read) =>
        site.WithServicesAsync(s => read(s.GetRequiredService<IStatementFeed>()));

    private async Task<string> PostAsync(JsonObject statement)
    {
        var response = await site.Lrs().PostAsync("/xapi/statements", Json.Content(statement));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json.ReadAsync(response))[0]!.GetValue<string>();
    }

    private static JsonObject InRegistration(Guid registration, string? verb = null) =>
        Statements.Make(verb: verb ?? Statements.Completed).With(s => s["context"] = new JsonObject { ["registration"] = registration.ToString() });

    private static JsonObject Voiding(string target) => Statements.Make(verb: "http://adlnet.gov/expapi/verbs/voided").With(s =>
        s["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = target });

    [Fact]
    public async Task Read_AfterTheCursor_ReturnsStatementsInCommitOrderWithRisingPositions()
    {
        var start = await FeedAsync(f => f.LatestPositionAsync());
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(await PostAsync(Statements.Make()));

        var all = await FeedAsync(f => f.ReadAsync(start, 10));
        var afterFirst = await FeedAsync(f => f.ReadAsync(all[0].Position, 1));

        Assert.Equal(ids, all.Select(s => s.Id.ToString()));
        Assert.True(all[0].Position > start && all[0].Position < all[1].Position && all[1].Position < all[2].Position);
        Assert.Equal([ids[1]], afterFirst.Select(s => s.Id.ToString()));
        Assert.Equal(all[2].Position, await FeedAsync(f => f.LatestPositionAsync()));
    }

    [Fact]
    public async Task Read_Statement_ParsesWhatAProjectionNeedsAndKeepsTheStoredJson()
    {
        var learner = XapiAgent.Learner(Guid.NewGuid().ToString());
        var registration = Guid.NewGuid();
        var activity = Statements.NewActivity();
        var start = await FeedAsync(f => f.LatestPositionAsync());
        var id = await PostAsync(Statements.Make(activity: activity, verb: "http://adlnet.gov/expapi/verbs/passed").With(s =>
        {
            s["actor"] = learner.ToJson();
            s["timestamp"] = "2026-11-30T09:15:00.000Z";
            s["result"] = new JsonObject
            {
                ["score"] = new JsonObject { ["scaled"] = 0.8, ["raw"] = 8, ["min"] = 0, ["max"] = 10 },
                ["success"] = true,
                ["completion"] = true,
                ["duration"] = "PT1H2M3.5S",
            };
            s["context"] = new JsonObject
            {
                ["registration"] = registration.ToString(),
                ["contextActivities"] = new JsonObject
                {
                    ["parent"] = new JsonObject { ["id"] = "https://academy.test/courses/c/sections/1" },
                    ["grouping"] = new JsonArray(new JsonObject { ["id"] = "https://academy.test/courses/c" }),
                    ["category"] = new JsonArray(new JsonObject { ["id"] = "https://w3id.org/xapi/cmi5/context/categories/moveon" }),
                },
            };
        }));

        var read = Assert.Single(await FeedAsync(f => f.ReadAsync(start, 10)));

        Assert.Equal(id, read.Id.ToString());
        Assert.Equal(learner, read.Actor);
        Assert.Equal("http://adlnet.gov/expapi/verbs/passed", read.VerbId);
        Assert.Equal("Activity", read.ObjectType);
        Assert.Equal(activity, read.ActivityId);
        Assert.Null(read.Voids);
        Assert.Equal(registration, read.Registration);
        Assert.Equal(["https://academy.test/courses/c/sections/1"], read.ParentIds);
        Assert.Equal(["https://academy.test/courses/c"], read.GroupingIds);
        Assert.Equal(["https://w3id.org/xapi/cmi5/context/categories/moveon"], read.CategoryIds);
        Assert.Equal((0.8, 8.0, 0.0, 10.0), (read.ScoreScaled, read.ScoreRaw, read.ScoreMin, read.ScoreMax));
        Assert.True(read.Success);
        Assert.True(read.Completion);
        Assert.Equal(new TimeSpan(0, 1, 2, 3, 500), read.Duration);
        Assert.Equal(DateTimeOffset.Parse("2026-11-30T09:15:00Z"), read.Timestamp);
        Assert.InRange(read.Stored, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(LrsSite.Key, JsonNode.Parse(read.Json)!["authority"]!["account"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("PT30S", 30.0)]
    [InlineData("P1DT2H", 93600.0)]
    [InlineData("P2W", 1209600.0)]
    [InlineData("P1M", null)]
    [InlineData("P1Y2D", null)]
    public void Duration_Iso8601_IsReadAsATimeSpanWhenItHasAFixedLength(string text, double? seconds)
    {
        Assert.Equal(seconds, Academy.Xapi.Statements.StatementFeed.Duration(text)?.TotalSeconds);
    }

    [Fact]
    public async Task Read_VoidingStatement_AppearsWithTheVoidedTarget()
    {
        var target = await PostAsync(Statements.Make());
        var start = await FeedAsync(f => f.LatestPositionAsync());
        var voiding = await PostAsync(Voiding(target));

        var read = Assert.Single(await FeedAsync(f => f.ReadAsync(start, 10)));

        Assert.Equal(voiding, read.Id.ToString());
        Assert.Equal("StatementRef", read.ObjectType);
        Assert.Equal(target, read.Voids.ToString());
        Assert.Equal(target, read.StatementRefId.ToString());
    }

    [Fact]
    public async Task ForRegistration_LeavesOutVoidedAndVoidingStatements()
    {
        var registration = Guid.NewGuid();
        var attempted = await PostAsync(InRegistration(registration, Statements.Attempted));
        var completed = await PostAsync(InRegistration(registration));
        await PostAsync(Voiding(completed).With(s => s["context"] = new JsonObject { ["registration"] = registration.ToString() }));
        var again = await PostAsync(InRegistration(registration));
        await PostAsync(InRegistration(Guid.NewGuid()));

        var read = await FeedAsync(f => f.ForRegistrationAsync(registration));

        Assert.Equal([attempted, again], read.Select(s => s.Id.ToString()));
    }

    [Fact]
    public async Task ForActorAndActivity_ReturnsTheActorsUnvoidedStatementsAboutTheActivityOrWithinIt()
    {
        var learner = XapiAgent.Learner(Guid.NewGuid().ToString());
        var course = Statements.NewActivity();
        var onCourse = await PostAsync(Statements.Make(activity: course).With(s => s["actor"] = learner.ToJson()));
        var inCourse = await PostAsync(Statements.Make().With(s =>
        {
            s["actor"] = learner.ToJson();
            s["context"] = new JsonObject { ["contextActivities"] = new JsonObject { ["parent"] = new JsonArray(new JsonObject { ["id"] = course }) } };
        }));
        var voided = await PostAsync(Statements.Make(activity: course).With(s => s["actor"] = learner.ToJson()));
        await PostAsync(Voiding(voided));
        await PostAsync(Statements.Make(activity: course));

        var read = await FeedAsync(f => f.ForActorAndActivityAsync(learner, course));

        Assert.Equal([onCourse, inCourse], read.Select(s => s.Id.ToString()));
    }

    [Fact]
    public async Task WaitForStatements_WhenAStatementCommits_WakesBeforeTheTimeout()
    {
        var start = await FeedAsync(f => f.LatestPositionAsync());
        await using var scope = site.Services.CreateAsyncScope();
        var waiting = scope.ServiceProvider.GetRequiredService<IStatementFeed>().WaitForStatementsAsync(start, TimeSpan.FromMinutes(2));
        Assert.False(waiting.IsCompleted);

        await PostAsync(Statements.Make());

        var woken = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(woken);
    }

    [Fact]
    public async Task WaitForStatements_WithNothingNew_ReturnsFalseAfterTheTimeout()
    {
        await PostAsync(Statements.Make());
        var latest = await FeedAsync(f => f.LatestPositionAsync());

        var woken = await FeedAsync(f => f.WaitForStatementsAsync(latest, TimeSpan.FromMilliseconds(200)));
        var alreadyThere = await FeedAsync(f => f.WaitForStatementsAsync(latest - 1, TimeSpan.FromMinutes(2)));

        Assert.False(woken);
        Assert.True(alreadyThere);
    }

    /// The writer raises the wake-up after the commit with the last sequence it stored, not the first:
    /// a reader that has read up to the batch's second-last statement is still told there is more.
    [Fact]
    public async Task WaitForStatements_AfterABatchCommits_ReachesTheBatchsLastPosition()
    {
        var start = await FeedAsync(f => f.LatestPositionAsync());
        var response = await site.Lrs().PostAsync("/xapi/statements", Json.Content(new JsonArray(Statements.Make(), Statements.Make(), Statements.Make())));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var batch = await FeedAsync(f => f.ReadAsync(start, 10));
        var last = batch[^1].Position;

        var beforeTheLast = await FeedAsync(f => f.WaitForStatementsAsync(last - 1, TimeSpan.FromMilliseconds(200)));
        var afterTheLast = await FeedAsync(f => f.WaitForStatementsAsync(last, TimeSpan.FromMilliseconds(200)));

        Assert.Equal(3, batch.Count);
        Assert.True(beforeTheLast);
        Assert.False(afterTheLast);
    }

    [Fact]
    public async Task WaitForStatements_WhenTheSiteWriterCommits_WakesBeforeTheTimeout()
    {
        var start = await FeedAsync(f => f.LatestPositionAsync());
        await using var scope = site.Services.CreateAsyncScope();
        var waiting = scope.ServiceProvider.GetRequiredService<IStatementFeed>().WaitForStatementsAsync(start, TimeSpan.FromMinutes(2));

        var ids = await site.WithServicesAsync(s => s.GetRequiredService<IStatementWriter>().StoreAsync([Statements.Make()]));

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(ids, (await FeedAsync(f => f.ReadAsync(start, 10))).Select(s => s.Id));
    }
}
