using Microsoft.Extensions.Configuration;

namespace Academy.Learning;

/// Every xAPI IRI the Digital Academy uses, built in one place: activity ids for courses, lessons and
/// quiz questions under Academy:Learning:ActivityIdBase, their activity types, and the verbs.
public sealed class LearningActivities
{
    public const string DefaultBase = "https://academy.digital.nhs.uk/xapi/activities";

    public LearningActivities(IConfiguration configuration)
        : this(configuration["Academy:Learning:ActivityIdBase"] is { Length: > 0 } configured ? configured : DefaultBase)
    {
    }

    public LearningActivities(string activityIdBase)
    {
        if (!Uri.TryCreate(activityIdBase, UriKind.Absolute, out _))
            throw new InvalidOperationException($"Academy:Learning:ActivityIdBase is '{activityIdBase}'; it must be an absolute IRI.");
        Base = activityIdBase.TrimEnd('/');
    }

    public string Base { get; }

    public string Course(string courseSlug) => $"{Base}/courses/{Uri.EscapeDataString(courseSlug)}";

    public string Lesson(string courseSlug, string lessonSlug) => $"{Course(courseSlug)}/lessons/{Uri.EscapeDataString(lessonSlug)}";

    /// A block of an imported cmi5 package, by its 1-based position in the package's structure (Academy's own id for it).
    public string Block(string courseSlug, int position) => $"{Course(courseSlug)}/blocks/{position.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// A quiz question, by its 1-based position in the quiz.
    public string Question(string courseSlug, string lessonSlug, int position) =>
        $"{Lesson(courseSlug, lessonSlug)}/questions/{position.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public static class Types
    {
        public const string Course = "http://adlnet.gov/expapi/activities/course";
        public const string Lesson = "http://adlnet.gov/expapi/activities/lesson";
        public const string Video = "https://w3id.org/xapi/video/activity-type/video";
        public const string Quiz = "http://adlnet.gov/expapi/activities/assessment";
        public const string Question = "http://adlnet.gov/expapi/activities/cmi.interaction";
    }

    public static class Verbs
    {
        private const string Adl = "http://adlnet.gov/expapi/verbs/";
        private const string Video = "https://w3id.org/xapi/video/verbs/";
        public const string Experienced = Adl + "experienced";
        public const string Progressed = Adl + "progressed";
        public const string Answered = Adl + "answered";
        public const string Passed = Adl + "passed";
        public const string Failed = Adl + "failed";
        public const string Completed = Adl + "completed";
        public const string Launched = Adl + "launched";
        public const string Initialized = Adl + "initialized";
        public const string Terminated = Adl + "terminated";
        public const string Played = Video + "played";
        public const string Paused = Video + "paused";
        public const string Seeked = Video + "seeked";
    }
}

/// Extension IRIs the player puts in statements: the ADL video profile's (https://w3id.org/xapi/video)
/// and cmi5's progress (an integer percentage), which the page uses for how far a learner has scrolled.
public static class LearningExtensions
{
    private const string Video = "https://w3id.org/xapi/video/extensions/";
    public const string Time = Video + "time";
    public const string TimeFrom = Video + "time-from";
    public const string TimeTo = Video + "time-to";
    public const string Progress = Video + "progress";
    public const string PlayedSegments = Video + "played-segments";
    public const string Length = Video + "length";
    public const string SessionId = Video + "session-id";
    public const string CompletionThreshold = Video + "completion-threshold";
    public const string ScrollProgress = "https://w3id.org/xapi/cmi5/result/extensions/progress";
}
