using Academy.Xapi.Documents.Data;
using Academy.Xapi.Protocol;
using Microsoft.AspNetCore.Routing;

namespace Academy.Xapi.Documents;

/// Communication 2.7: documents about an activity, named by profileId.
internal static class ActivityProfileResource
{
    private static readonly DocumentResource Resource = new(XapiDocumentResource.ActivityProfile, "Communication 2.7: Activity Profile resource", "profileId",
        usesActivity: true, usesAgent: false, usesRegistration: false);

    public static void MapActivityProfile(this RouteGroupBuilder xapi) => Resource.Map(xapi, "/activities/profile", XapiScopes.Profile);
}
