using System.Net;
using System.Text.Json.Nodes;
using Academy.Xapi.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Xapi.Tests.Contracts;

/// IStatementWriter (issue 9 §3, the player without JavaScript): the site's own statements go through
/// the same validation and writer as /xapi/statements, with the site as authority.
public sealed class SiteStatementWriterTests(LrsSite site) : IClassFixture<LrsSite>
{
    private Task<IReadOnlyList<Guid>> StoreAsync(params JsonObject[] statements) =>
        site.WithServicesAsync(s => s.GetRequiredService<IStatementWriter>().StoreAsync(statements));

    private static JsonObject ByLearner() =>
        Statements.Make(verb: "http://adlnet.gov/expapi/verbs/experienced").With(s => s["actor"] = XapiAgent.Learner(Guid.NewGuid().ToString()).ToJson());

    [Fact]
    public async Task Store_ValidStatements_AreServedOverHttpWithTheSiteAsAuthority()
    {
        var ids = await StoreAsync(ByLearner(), ByLearner());

        Assert.Equal(2, ids.Count);
        var stored = await Json.ReadAsync(await site.Lrs().GetAsync($"/xapi/statements?statementId={ids[1]}"));
        Assert.Equal("academy-site", stored["authority"]!["account"]!["name"]!.GetValue<string>());
        Assert.Equal("2.0.0", stored["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Store_InvalidStatementInABatch_IsRefusedWithTheReasonAndNothingIsStored()
    {
        var good = ByLearner().With(s => s["id"] = Guid.NewGuid().ToString());
        var bad = ByLearner().With(s => s["verb"] = new JsonObject { ["id"] = "not an iri" });

        var refused = await Assert.ThrowsAsync<StatementRejectedException>(() => StoreAsync(good, bad));

        Assert.Equal("statements[1].verb.id", refused.Property);
        Assert.Contains("IRI", refused.Message);
        Assert.False(refused.IsConflict);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Lrs().GetAsync($"/xapi/statements?statementId={good["id"]}")).StatusCode);
    }

    [Fact]
    public async Task Store_AnIdAlreadyTakenByADifferentStatement_IsAConflict()
    {
        var id = Guid.NewGuid().ToString();
        await StoreAsync(ByLearner().With(s => s["id"] = id));

        var refused = await Assert.ThrowsAsync<StatementRejectedException>(() => StoreAsync(ByLearner().With(s => s["id"] = id)));

        Assert.True(refused.IsConflict);
    }

    /// Issue 8 §4 holds for the site's statements too: a lone UTF-16 surrogate is refused, nothing stored.
    [Theory]
    [InlineData("value")]
    [InlineData("name")]
    public async Task Store_StatementWithALoneSurrogate_IsRefusedAndNothingIsStored(string where)
    {
        var good = ByLearner().With(s => s["id"] = Guid.NewGuid().ToString());
        var lone = ByLearner().With(s => s["result"] = where == "value"
            ? new JsonObject { ["response"] = "A \ud800" }
            : new JsonObject { ["extensions"] = new JsonObject { ["http://a.example/\ud800"] = 1 } });

        var refused = await Assert.ThrowsAsync<StatementRejectedException>(() => StoreAsync(good, lone));

        Assert.Contains("surrogate", refused.Message);
        Assert.False(refused.IsConflict);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Lrs().GetAsync($"/xapi/statements?statementId={good["id"]}")).StatusCode);
    }
}
