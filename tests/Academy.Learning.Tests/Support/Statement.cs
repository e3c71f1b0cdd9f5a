using System.Text.Json.Nodes;
using Academy.Learning.Courses;
using Academy.Learning.Enrolments;
using Academy.Xapi.Contracts;
using Verbs = Academy.Learning.LearningActivities.Verbs;

namespace Academy.Learning.Tests.Support;

/// Statements as the player and outside content send them (LEARNING.md's shapes).
public static class Statement
{
    public static JsonObject Make(string userId, string verb, string activityId, Guid? registration, string? courseActivityId = null, string? parentId = null, JsonObject? result = null)
    {
        var statement = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["actor"] = XapiAgent.Learner(userId).ToJson(),
            ["verb"] = new JsonObject { ["id"] = verb, ["display"] = new JsonObject { ["en-GB"] = verb[(verb.LastIndexOf('/') + 1)..] } },
            ["object"] = new JsonObject { ["objectType"] = "Activity", ["id"] = activityId },
        };
        var context = new JsonObject();
        if (registration is { } r) context["registration"] = r.ToString();
        var activities = new JsonObject();
        if (courseActivityId is not null) activities["grouping"] = new JsonArray(new JsonObject { ["id"] = courseActivityId });
        if (parentId is not null) activities["parent"] = new JsonArray(new JsonObject { ["id"] = parentId });
        if (activities.Count > 0) context["contextActivities"] = activities;
        if (context.Count > 0) statement["context"] = context;
        if (result is not null) statement["result"] = result;
        return statement;
    }

    /// A lesson statement of the enrolment, as the player sends it (registration, grouping = the course).
    public static JsonObject Lesson(LearningActivities a, Enrolment e, Course course, string lessonSlug, string verb, JsonObject? result = null, string? actorUserId = null) =>
        Make(actorUserId ?? e.UserId, verb, a.Lesson(course.Slug, lessonSlug), e.Registration, a.Course(course.Slug), result: result);

    public static JsonObject Answered(LearningActivities a, Enrolment e, Course course, string quizSlug, int question) =>
        Make(e.UserId, Verbs.Answered, a.Question(course.Slug, quizSlug, question), e.Registration, a.Course(course.Slug), a.Lesson(course.Slug, quizSlug),
            new JsonObject { ["success"] = true, ["response"] = "0" });

    public static JsonObject Quiz(LearningActivities a, Enrolment e, Course course, string quizSlug, bool passed, double scaled) =>
        Lesson(a, e, course, quizSlug, passed ? Verbs.Passed : Verbs.Failed, Score(scaled, passed));

    public static JsonObject Score(double scaled, bool? success = null)
    {
        var result = new JsonObject { ["score"] = new JsonObject { ["scaled"] = scaled, ["raw"] = scaled * 10, ["min"] = 0, ["max"] = 10 } };
        if (success is { } s) result["success"] = s;
        return result;
    }

    /// Outside content's statement about the course activity itself, with or without the registration.
    public static JsonObject OnCourse(LearningActivities a, string userId, Course course, string verb, Guid? registration, JsonObject? result = null) =>
        Make(userId, verb, a.Course(course.Slug), registration, result: result);

    public static JsonObject Voiding(string userId, Guid target) => new()
    {
        ["actor"] = XapiAgent.Learner(userId).ToJson(),
        ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/voided", ["display"] = new JsonObject { ["en-GB"] = "voided" } },
        ["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = target.ToString() },
    };
}
