using System.Globalization;
using System.Text.Json.Nodes;
using Academy.Learning.Courses;
using Academy.Learning.Enrolments;
using Academy.Xapi.Contracts;

namespace Academy.Learning.Player;

/// Every statement the player makes, built in one place: the server stores them itself when the page has
/// no JavaScript, and hands the same JSON to the page (whose script adds only what happens in the
/// browser: scrolling and the video's positions) when it has. Every one carries the enrolment's
/// registration and the course as grouping; quiz questions have their lesson as parent.
public sealed class LessonStatements(LearningActivities activities, TimeProvider clock)
{
    public const string Language = "en-GB";

    public JsonObject Actor(Enrolment enrolment) => XapiAgent.Learner(enrolment.UserId).ToJson();

    public JsonObject CourseActivity(Course course) =>
        Activity(activities.Course(course.Slug), LearningActivities.Types.Course, course.Title, course.Summary);

    public JsonObject LessonActivity(Course course, Lesson lesson) => Activity(
        activities.Lesson(course.Slug, lesson.Slug),
        lesson.Kind switch
        {
            LessonKind.Video => LearningActivities.Types.Video,
            LessonKind.Quiz => LearningActivities.Types.Quiz,
            _ => LearningActivities.Types.Lesson,
        },
        lesson.Title);

    /// context: the registration, the course as grouping and (for a question) the lesson as parent.
    public JsonObject Context(Enrolment enrolment, Course course, Lesson? parent = null)
    {
        var contextActivities = new JsonObject { ["grouping"] = new JsonArray(CourseActivity(course)) };
        if (parent is not null) contextActivities["parent"] = new JsonArray(LessonActivity(course, parent));
        return new JsonObject
        {
            ["registration"] = enrolment.Registration.ToString(),
            ["contextActivities"] = contextActivities,
            ["language"] = Language,
        };
    }

    /// The start of a launch: the course, launched (the server records it when it issues the launch's credential).
    public JsonObject Launched(Enrolment enrolment, Course course, Guid sessionId)
    {
        var context = new JsonObject
        {
            ["registration"] = enrolment.Registration.ToString(),
            ["language"] = Language,
            ["extensions"] = new JsonObject { [LearningExtensions.SessionId] = sessionId.ToString() },
        };
        return Statement(enrolment, LearningActivities.Verbs.Launched, "launched", CourseActivity(course), context, result: null);
    }

    /// A lesson page or video seen: what "viewed" means for a lesson that is not a quiz.
    public JsonObject Experienced(Enrolment enrolment, Course course, Lesson lesson) =>
        Statement(enrolment, LearningActivities.Verbs.Experienced, "experienced", LessonActivity(course, lesson), Context(enrolment, course), result: null);

    /// One attempt: answered per question (in position order), then passed or failed with the score, then completed.
    public IReadOnlyList<JsonObject> Attempt(Enrolment enrolment, Course course, Lesson quiz, QuizResult result)
    {
        var statements = new List<JsonObject>();
        foreach (var answer in result.Questions)
        {
            var response = string.Join("[,]", answer.Chosen.Select(o => ChoiceId(o)));
            statements.Add(Statement(enrolment, LearningActivities.Verbs.Answered, "answered", QuestionActivity(course, quiz, answer.Question),
                Context(enrolment, course, parent: quiz),
                new JsonObject { ["response"] = response, ["success"] = answer.Correct }));
        }
        var score = new JsonObject
        {
            ["scaled"] = result.Scaled,
            ["raw"] = result.Raw,
            ["min"] = 0,
            ["max"] = result.Max,
        };
        statements.Add(Statement(enrolment,
            result.Passed ? LearningActivities.Verbs.Passed : LearningActivities.Verbs.Failed, result.Passed ? "passed" : "failed",
            LessonActivity(course, quiz), Context(enrolment, course),
            new JsonObject { ["score"] = score, ["success"] = result.Passed, ["completion"] = true }));
        statements.Add(Statement(enrolment, LearningActivities.Verbs.Completed, "completed", LessonActivity(course, quiz), Context(enrolment, course),
            new JsonObject { ["score"] = score.DeepClone(), ["success"] = result.Passed, ["completion"] = true }));
        return statements;
    }

    /// A question as a cmi.interaction of type choice. Its choices and correct response pattern name the
    /// options by position, the same ids the learner's response uses.
    public JsonObject QuestionActivity(Course course, Lesson quiz, Question question)
    {
        var activity = Activity(activities.Question(course.Slug, quiz.Slug, question.Position), LearningActivities.Types.Question, Truncate(question.Text, 200), question.Text);
        var definition = (JsonObject)activity["definition"]!;
        definition["interactionType"] = "choice";
        definition["choices"] = new JsonArray(question.Options.OrderBy(o => o.Position)
            .Select(o => (JsonNode)new JsonObject { ["id"] = ChoiceId(o), ["description"] = Lang(o.Text) }).ToArray());
        definition["correctResponsesPattern"] = new JsonArray(
            string.Join("[,]", question.Options.Where(o => o.Correct).OrderBy(o => o.Position).Select(ChoiceId)));
        return activity;
    }

    public static string ChoiceId(Option option) => option.Position.ToString(CultureInfo.InvariantCulture);

    public JsonObject Statement(Enrolment enrolment, string verbId, string verbDisplay, JsonObject activity, JsonObject context, JsonObject? result)
    {
        var statement = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["actor"] = Actor(enrolment),
            ["verb"] = new JsonObject { ["id"] = verbId, ["display"] = Lang(verbDisplay) },
            ["object"] = activity,
        };
        if (result is not null) statement["result"] = result;
        statement["context"] = context;
        statement["timestamp"] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        return statement;
    }

    private static JsonObject Activity(string id, string type, string name, string? description = null)
    {
        var definition = new JsonObject { ["type"] = type, ["name"] = Lang(name) };
        if (!string.IsNullOrWhiteSpace(description)) definition["description"] = Lang(description);
        return new JsonObject { ["objectType"] = "Activity", ["id"] = id, ["definition"] = definition };
    }

    private static JsonObject Lang(string text) => new() { [Language] = text };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
