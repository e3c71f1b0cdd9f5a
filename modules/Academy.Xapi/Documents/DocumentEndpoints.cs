using Academy.Xapi.Documents.Data;
using Academy.Xapi.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Academy.Xapi.Documents;

/// The route table of the document resources (State, Activity Profile, Agent Profile) and of the
/// Activities and Agents resources, in the /xapi group (issue 12 §5).
public static class DocumentEndpoints
{
    /// Communication 2.3: documents in the context of an activity, an agent and optionally a registration,
    /// named by stateId. GET and DELETE without stateId act on every document of the context.
    private static readonly DocumentResource State = new(XapiDocumentResource.State, "Communication 2.3: State resource", "stateId",
        usesActivity: true, usesAgent: true, usesRegistration: true);

    /// Communication 2.7: documents about an activity, named by profileId.
    private static readonly DocumentResource ActivityProfile = new(XapiDocumentResource.ActivityProfile, "Communication 2.7: Activity Profile resource", "profileId",
        usesActivity: true, usesAgent: false, usesRegistration: false);

    /// Communication 2.6: documents about an agent, named by profileId. The agent parameter is an Agent,
    /// not a Group (a provider can use a group's identifier inside an Agent object).
    private static readonly DocumentResource AgentProfile = new(XapiDocumentResource.AgentProfile, "Communication 2.6: Agent Profile resource", "profileId",
        usesActivity: false, usesAgent: true, usesRegistration: false);

    public static RouteGroupBuilder MapXapiDocuments(this RouteGroupBuilder xapi)
    {
        xapi.MapMethods("/activities/state", ["GET", "HEAD"], State.GetAsync).RequireXapiScope(XapiScopes.State);
        xapi.MapPut("/activities/state", State.PutAsync).RequireXapiScope(XapiScopes.State);
        xapi.MapPost("/activities/state", State.PostAsync).RequireXapiScope(XapiScopes.State);
        xapi.MapDelete("/activities/state", State.DeleteAsync).RequireXapiScope(XapiScopes.State);

        xapi.MapMethods("/activities/profile", ["GET", "HEAD"], ActivityProfile.GetAsync).RequireXapiScope(XapiScopes.Profile);
        xapi.MapPut("/activities/profile", ActivityProfile.PutAsync).RequireXapiScope(XapiScopes.Profile);
        xapi.MapPost("/activities/profile", ActivityProfile.PostAsync).RequireXapiScope(XapiScopes.Profile);
        xapi.MapDelete("/activities/profile", ActivityProfile.DeleteAsync).RequireXapiScope(XapiScopes.Profile);

        xapi.MapMethods("/agents/profile", ["GET", "HEAD"], AgentProfile.GetAsync).RequireXapiScope(XapiScopes.Profile);
        xapi.MapPut("/agents/profile", AgentProfile.PutAsync).RequireXapiScope(XapiScopes.Profile);
        xapi.MapPost("/agents/profile", AgentProfile.PostAsync).RequireXapiScope(XapiScopes.Profile);
        xapi.MapDelete("/agents/profile", AgentProfile.DeleteAsync).RequireXapiScope(XapiScopes.Profile);

        xapi.MapMethods("/activities", ["GET", "HEAD"], ActivitiesResource.GetAsync).RequireXapiScope(XapiScopes.Define, XapiScopes.StatementsRead);
        xapi.MapMethods("/agents", ["GET", "HEAD"], AgentsResource.GetAsync).RequireXapiScope(XapiScopes.Define, XapiScopes.StatementsRead);
        return xapi;
    }
}
