namespace Academy.Learning.Packages;

/// The cmi5 profile's IRIs (cmi5 specification, quartz: sections 9.3, 9.5.5, 9.6), in one place.
public static class Cmi5Iris
{
    private const string Context = "https://w3id.org/xapi/cmi5/context/";
    public const string CategoryCmi5 = Context + "categories/cmi5";
    public const string CategoryMoveOn = Context + "categories/moveon";
    public const string SessionId = Context + "extensions/sessionid";
    public const string LaunchMode = Context + "extensions/launchmode";
    public const string LaunchUrl = Context + "extensions/launchurl";
    public const string MoveOn = Context + "extensions/moveon";
    public const string LaunchParameters = Context + "extensions/launchparameters";
    public const string MasteryScore = Context + "extensions/masteryscore";
    public const string Reason = "https://w3id.org/xapi/cmi5/result/extensions/reason";
    public const string Progress = "https://w3id.org/xapi/cmi5/result/extensions/progress";
    public const string CourseType = "https://w3id.org/xapi/cmi5/activitytype/course";
    public const string BlockType = "https://w3id.org/xapi/cmi5/activitytype/block";

    public const string LaunchDataStateId = "LMS.LaunchData";
    public const string LearnerPreferencesProfileId = "cmi5LearnerPreferences";

    public static class Verbs
    {
        public const string Launched = "http://adlnet.gov/expapi/verbs/launched";
        public const string Initialized = "http://adlnet.gov/expapi/verbs/initialized";
        public const string Completed = "http://adlnet.gov/expapi/verbs/completed";
        public const string Passed = "http://adlnet.gov/expapi/verbs/passed";
        public const string Failed = "http://adlnet.gov/expapi/verbs/failed";
        public const string Terminated = "http://adlnet.gov/expapi/verbs/terminated";
        public const string Abandoned = "https://w3id.org/xapi/adl/verbs/abandoned";
        public const string Waived = "https://w3id.org/xapi/adl/verbs/waived";
        public const string Satisfied = "https://w3id.org/xapi/adl/verbs/satisfied";
    }

    /// The reasons an LMS may give for a waiver (spec 9.5.5.2).
    public static readonly string[] WaiverReasons = ["Tested Out", "Equivalent AU", "Equivalent Outside Activity", "Administrative"];
}
