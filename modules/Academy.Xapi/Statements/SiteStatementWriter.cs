using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Xapi.Contracts;
using Academy.Xapi.Protocol;

namespace Academy.Xapi.Statements;

/// IStatementWriter: the site's own statements (the player without JavaScript) through the same
/// validation (as xAPI 2.0.0) and the same writer as POST /xapi/statements.
internal sealed class SiteStatementWriter(StatementWriter writer, XapiOptions options) : IStatementWriter
{
    /// Statements the site stores are from no credential: no credential's "mine" reads them.
    private const int SiteCredentialId = 0;
    public const string AuthorityName = "academy-site";

    public async Task<IReadOnlyList<Guid>> StoreAsync(IReadOnlyList<JsonObject> statements, CancellationToken cancellationToken = default)
    {
        if (statements.Count == 0) return [];
        if (statements.Count > options.MaxStatementsPerRequest)
            throw new StatementRejectedException($"At most {options.MaxStatementsPerRequest} statements are stored at once.");
        List<PreparedStatement> prepared;
        var elements = statements.Select(s => JsonSerializer.SerializeToElement(s)).ToList();
        try
        {
            prepared = StatementEndpoints.Prepare(elements, putId: null, isVersion2: true);
            // The site sends no attachment parts: an attachment must be a fileUrl.
            StatementRequests.MatchAttachments(prepared.Select(p => p.Json).ToList(), new Dictionary<string, Data.XapiAttachment>());
        }
        catch (XapiException e) { throw new StatementRejectedException(e.Message, e.Property); }
        if (prepared.GroupBy(p => p.Id).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            throw new StatementRejectedException($"The id {duplicate.Key} appears more than once.", "id");

        var outcome = await writer.WriteAsync(prepared, Authority(), SiteCredentialId, [], cancellationToken);
        if (outcome.Status == WriteStatus.Conflict) throw new StatementRejectedException(outcome.Message!, "id", isConflict: true);
        return outcome.Ids;
    }

    private JsonObject Authority() => new()
    {
        ["objectType"] = "Agent",
        ["account"] = new JsonObject
        {
            ["homePage"] = options.AuthorityHomePage is { Length: > 0 } configured ? configured : XapiAgent.LearnerHomePage,
            ["name"] = AuthorityName,
        },
    };
}
