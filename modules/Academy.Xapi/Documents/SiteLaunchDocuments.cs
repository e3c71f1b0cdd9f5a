using System.Text;
using System.Text.Json.Nodes;
using Academy.Xapi.Contracts;
using Academy.Xapi.Documents.Data;
using Academy.Xapi.Statements;

namespace Academy.Xapi.Documents;

/// ILaunchDocuments: the LMS's own writes, through the same DocumentStore the /xapi document resources use, so the
/// content reads exactly what was written (same keys, ETag and content type).
internal sealed class SiteLaunchDocuments(Data.XapiDocumentsDbContext db, TimeProvider clock) : ILaunchDocuments
{
    public Task PutStateAsync(string activityId, XapiAgent learner, Guid registration, string stateId, JsonObject document, CancellationToken cancellationToken = default) =>
        WriteAsync(new DocumentContext(XapiDocumentResource.State, activityId, Identity(learner), registration.ToString("D")), stateId, document, cancellationToken);

    public Task PutAgentProfileAsync(XapiAgent learner, string profileId, JsonObject document, CancellationToken cancellationToken = default) =>
        WriteAsync(new DocumentContext(XapiDocumentResource.AgentProfile, null, Identity(learner), null), profileId, document, cancellationToken);

    private static string Identity(XapiAgent learner) => StatementShape.ActorIdentity(learner.ToJson())!;

    private async Task WriteAsync(DocumentContext context, string id, JsonObject document, CancellationToken cancellationToken)
    {
        var outcome = await new DocumentStore(db, clock).WriteAsync(context, id, Encoding.UTF8.GetBytes(document.ToJsonString()), "application/json",
            merge: null, new Preconditions(null, null), requirePrecondition: false, cancellationToken);
        if (outcome.Status != WriteStatus.Written) throw new InvalidOperationException($"The LRS did not store the document {id}: {outcome.Message}");
    }
}
