using System.Globalization;
using System.Text.Json.Nodes;
using Academy.Learning.Courses;
using Academy.Xapi.Contracts;

namespace Academy.Learning.SelfAssessment;

/// The xAPI statements of one submitted self-assessment, built in one place (README "Digital capability
/// self-assessment" lists them):
/// - one "answered" statement per capability statement: the object is the statement's activity
///   ({base}/self-assessment/statements/{key}, type question), result.extensions hold the two ratings
///   (<see cref="Extensions.Now"/>, <see cref="Extensions.Need"/>, integers 0 to 10), the domain is the parent;
/// - then one "completed" statement of the assessment ({base}/self-assessment, type assessment) with each
///   domain's means in result.extensions (<see cref="Extensions.Domains"/>) and the person's trust, if any, in
///   context.extensions (<see cref="Extensions.Trust"/>).
/// Every one carries the attempt's registration and the assessment as grouping.
public sealed class SelfAssessmentStatements(LearningActivities activities)
{
    public const string Language = "en-GB";
    public const string AssessmentName = "Digital capability self-assessment";

    /// Extension IRIs name what a value means, so they stay the same whatever Academy:Learning:ActivityIdBase is.
    public static class Extensions
    {
        private const string Base = "https://academy.digital.nhs.uk/xapi/extensions/self-assessment/";
        public const string Now = Base + "where-i-am-now";
        public const string Need = Base + "where-i-need-to-be";
        /// {"technical-proficiency": {"now": 4.2, "need": 7.0, "gap": 2.8}, ...}
        public const string Domains = Base + "domains";
        /// The ODS code of the person's trust when they submitted.
        public const string Trust = Base + "trust";
    }

    public static class Types
    {
        public const string Assessment = LearningActivities.Types.Quiz;
        public const string Domain = "http://adlnet.gov/expapi/activities/objective";
        public const string Statement = "http://adlnet.gov/expapi/activities/question";
    }

    public string AssessmentId => $"{activities.Base}/self-assessment";

    public string DomainId(CapabilityDomain domain) => $"{AssessmentId}/domains/{domain.Key()}";

    public string StatementId(string key) => $"{AssessmentId}/statements/{Uri.EscapeDataString(key)}";

    public IReadOnlyList<JsonObject> Submitted(SelfAssessmentAttempt attempt, IReadOnlyList<DomainResult> domains, DateTimeOffset at)
    {
        var list = new List<JsonObject>();
        foreach (var item in CapabilityStatements.All)
        {
            var rating = attempt.Ratings.Single(r => r.StatementKey == item.Key);
            var result = new JsonObject
            {
                ["extensions"] = new JsonObject { [Extensions.Now] = rating.Now, [Extensions.Need] = rating.Need },
            };
            list.Add(Statement(attempt, LearningActivities.Verbs.Answered, "answered",
                Activity(StatementId(item.Key), Types.Statement, $"{item.Domain.DisplayName()}: statement {item.Number}", item.Text),
                result, Context(attempt, parent: item.Domain), at));
        }
        var means = new JsonObject();
        foreach (var d in domains)
            means[d.Domain.Key] = new JsonObject { ["now"] = d.Now, ["need"] = d.Need, ["gap"] = d.Gap };
        var context = Context(attempt, parent: null);
        if (attempt.TrustOdsCode is { } trust) context["extensions"] = new JsonObject { [Extensions.Trust] = trust };
        list.Add(Statement(attempt, LearningActivities.Verbs.Completed, "completed", Assessment(),
            new JsonObject { ["completion"] = true, ["extensions"] = new JsonObject { [Extensions.Domains] = means } }, context, at));
        return list;
    }

    private JsonObject Assessment() => Activity(AssessmentId, Types.Assessment, AssessmentName,
        "Rate where you are now and where you need to be in each domain of the Health and Care Digital Capabilities Framework.");

    private JsonObject Context(SelfAssessmentAttempt attempt, CapabilityDomain? parent)
    {
        var contextActivities = new JsonObject { ["grouping"] = new JsonArray(Assessment()) };
        if (parent is { } domain) contextActivities["parent"] = new JsonArray(Activity(DomainId(domain), Types.Domain, domain.DisplayName()));
        return new JsonObject
        {
            ["registration"] = attempt.Registration.ToString(),
            ["contextActivities"] = contextActivities,
            ["language"] = Language,
        };
    }

    private static JsonObject Statement(SelfAssessmentAttempt attempt, string verbId, string verb, JsonObject activity, JsonObject result, JsonObject context, DateTimeOffset at) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["actor"] = XapiAgent.Learner(attempt.UserId).ToJson(),
        ["verb"] = new JsonObject { ["id"] = verbId, ["display"] = Lang(verb) },
        ["object"] = activity,
        ["result"] = result,
        ["context"] = context,
        ["timestamp"] = at.ToString("O", CultureInfo.InvariantCulture),
    };

    private static JsonObject Activity(string id, string type, string name, string? description = null)
    {
        var definition = new JsonObject { ["type"] = type, ["name"] = Lang(name) };
        if (description is not null) definition["description"] = Lang(description);
        return new JsonObject { ["objectType"] = "Activity", ["id"] = id, ["definition"] = definition };
    }

    private static JsonObject Lang(string text) => new() { [Language] = text };
}
