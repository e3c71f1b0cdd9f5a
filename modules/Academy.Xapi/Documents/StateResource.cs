using Academy.Xapi.Documents.Data;
using Academy.Xapi.Protocol;
using Microsoft.AspNetCore.Routing;

namespace Academy.Xapi.Documents;

/// Communication 2.3: documents in the context of an activity, an agent and optionally a registration,
/// named by stateId. GET and DELETE without stateId act on every document of the context.
internal static class StateResource
{
    private static readonly DocumentResource Resource = new(XapiDocumentResource.State, "Communication 2.3: State resource", "stateId",
        usesActivity: true, usesAgent: true, usesRegistration: true);

    public static void MapState(this RouteGroupBuilder xapi) => Resource.Map(xapi, "/activities/state", XapiScopes.State);
}
