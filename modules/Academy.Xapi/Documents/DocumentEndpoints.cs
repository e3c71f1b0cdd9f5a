using Microsoft.AspNetCore.Routing;

namespace Academy.Xapi.Documents;

/// The document resources (State, Activity Profile, Agent Profile) and the Activities and Agents
/// resources, mapped into the /xapi group.
public static class DocumentEndpoints
{
    public static RouteGroupBuilder MapXapiDocuments(this RouteGroupBuilder xapi)
    {
        xapi.MapState();
        xapi.MapActivityProfile();
        xapi.MapAgentProfile();
        xapi.MapActivities();
        xapi.MapAgents();
        return xapi;
    }
}
