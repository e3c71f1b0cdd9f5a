using System.Text.Json.Nodes;

namespace Academy.Xapi.Contracts;

/// Documents the LMS writes into the LRS on a learner's behalf before it launches content (cmi5 section 10: the
/// LMS.LaunchData state document; section 11: the cmi5LearnerPreferences agent profile). Registered by the Xapi
/// module; the documents are then read by the content through /xapi with its launch credential.
public interface ILaunchDocuments
{
    /// Creates or replaces one State document (JSON) for the activity, learner and registration.
    Task PutStateAsync(string activityId, XapiAgent learner, Guid registration, string stateId, JsonObject document, CancellationToken cancellationToken = default);

    /// Creates or replaces one Agent Profile document (JSON) for the learner.
    Task PutAgentProfileAsync(XapiAgent learner, string profileId, JsonObject document, CancellationToken cancellationToken = default);
}
