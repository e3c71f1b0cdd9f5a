using Academy.Learning.Courses;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Academy.Learning.Player;

/// The player's addresses, built in one place from the pages' names (issue 14 §3): Url.Lesson(course, lesson) in a
/// view or a page model, so a route changed in a @page line moves every link with it. Url.Page escapes the values.
public static class PlayerLinks
{
    /// The State resource's stateId of the bookmark (activityId = the course, agent = the learner, the registration).
    public const string BookmarkStateId = "bookmark";

    public static string Course(this IUrlHelper url, Course course) => To(url, "/Courses/Course", new { slug = course.Slug });

    public static string Resume(this IUrlHelper url, Course course) => To(url, "/Lessons/Resume", new { slug = course.Slug });

    /// A package's unit has its own page (it launches the unit rather than showing it). A handler comes first in the
    /// query, then the attempt (handler=Record, then attempt=2).
    public static string Lesson(this IUrlHelper url, Course course, Lesson lesson, string? handler = null, int? attempt = null) =>
        lesson.Kind == LessonKind.Au
            ? url.Unit(course, lesson)
            : To(url, "/Lessons/Lesson", new { slug = course.Slug, lessonSlug = lesson.Slug, handler, attempt });

    public static string Unit(this IUrlHelper url, Course course, Lesson lesson) =>
        To(url, "/Units/Unit", new { slug = course.Slug, lessonSlug = lesson.Slug });

    public static string Attempt(this IUrlHelper url, Course course, Lesson quiz, int number) =>
        To(url, "/Lessons/Lesson", new { slug = course.Slug, lessonSlug = quiz.Slug, attempt = number }, fragment: "result");

    public static string Video(this IUrlHelper url, Course course, Lesson lesson) => Media(url, course, lesson, "video");

    public static string Captions(this IUrlHelper url, Course course, Lesson lesson) => Media(url, course, lesson, "captions");

    private static string Media(IUrlHelper url, Course course, Lesson lesson, string file) =>
        To(url, "/Courses/Media", new { slug = course.Slug, lessonSlug = lesson.Slug, file });

    /// The handler, when there is one, travels in the values (not as pageHandler) so it keeps its place in the query.
    private static string To(IUrlHelper url, string page, object values, string? fragment = null) =>
        url.Page(page, pageHandler: null, new RouteValueDictionary(values) { ["area"] = "Learning" }, protocol: null, host: null, fragment)
        ?? throw new InvalidOperationException($"No route reaches the page Learning{page} with those values.");
}
