using Academy.Xapi.Documents.Data;
using Academy.Xapi.Protocol;
using Microsoft.AspNetCore.Routing;

namespace Academy.Xapi.Documents;

/// Communication 2.6: documents about an agent, named by profileId. The agent parameter is an Agent,
/// not a Group (a provider can use a group's identifier inside an Agent object).
internal static class AgentProfileResource
{
    private static readonly DocumentResource Resource = new(XapiDocumentResource.AgentProfile, "Communication 2.6: Agent Profile resource", "profileId",
        usesActivity: false, usesAgent: true, usesRegistration: false);

    public static void MapAgentProfile(this RouteGroupBuilder xapi) => Resource.Map(xapi, "/agents/profile", XapiScopes.Profile);
}
