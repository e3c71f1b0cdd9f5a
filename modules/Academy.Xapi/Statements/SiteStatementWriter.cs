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
        // The statements become the bytes a client would send and are read as POST reads a body
        // (StatementRequests.Parse: nesting, duplicate keys), then prepared as POST prepares them. Lone
        // surrogates are looked for in the nodes first: serialising would quietly write U+FFFD. The prepared
        // statements read the document, so it lives until they are stored.
        for (var i = 0; i < statements.Count; i++)
            if (XapiJson.FindLoneSurrogate(statements[i], statements.Count == 1 ? "statement" : $"statements[{i}]") is { } at)
                throw new StatementRejectedException($"{at} holds a lone UTF-16 surrogate (an unpaired \\uD800-\\uDFFF), which is not text.", at);
        using var document = Rejecting(() => StatementRequests.Parse(JsonSerializer.SerializeToUtf8Bytes(statements)));
        var prepared = Rejecting(() =>
        {
            var ready = StatementEndpoints.Prepare(document.RootElement.EnumerateArray().ToList(), putId: null, isVersion2: true);
            // The site sends no attachment parts: an attachment must be a fileUrl.
            StatementRequests.MatchAttachments(ready.Select(p => p.Json).ToList(), new Dictionary<string, Data.XapiAttachment>());
            return ready;
        });
        if (prepared.GroupBy(p => p.Id).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            throw new StatementRejectedException($"The id {duplicate.Key} appears more than once.", "id");

        var outcome = await writer.WriteAsync(prepared, Authority(), SiteCredentialId, [], cancellationToken);
        if (outcome.Status == WriteStatus.Conflict) throw new StatementRejectedException(outcome.Message!, "id", isConflict: true);
        return outcome.Ids;
    }

    private static T Rejecting<T>(Func<T> step)
    {
        try { return step(); }
        catch (XapiException e) { throw new StatementRejectedException(e.Message, e.Property); }
    }

    private JsonObject Authority() =>
        ServerFields.Authority(options.AuthorityHomePage is { Length: > 0 } configured ? configured : XapiAgent.LearnerHomePage, AuthorityName);
}
