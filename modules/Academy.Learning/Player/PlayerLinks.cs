using System.Globalization;
using Academy.Learning.Courses;

namespace Academy.Learning.Player;

/// The player's addresses, built in one place.
public static class PlayerLinks
{
    /// The State resource's stateId of the bookmark (activityId = the course, agent = the learner, the registration).
    public const string BookmarkStateId = "bookmark";

    public static string Course(Course course) => $"/learning/courses/{Uri.EscapeDataString(course.Slug)}";

    public static string Resume(Course course) => Course(course) + "/resume";

    /// A package's unit has its own page (it launches the unit rather than showing it).
    public static string Lesson(Course course, Lesson lesson) => lesson.Kind == LessonKind.Au
        ? Unit(course, lesson)
        : $"{Course(course)}/lessons/{Uri.EscapeDataString(lesson.Slug)}";

    public static string Unit(Course course, Lesson lesson) => $"{Course(course)}/units/{Uri.EscapeDataString(lesson.Slug)}";

    public static string Attempt(Course course, Lesson quiz, int number) =>
        Lesson(course, quiz) + "?attempt=" + number.ToString(CultureInfo.InvariantCulture) + "#result";

    public static string Video(Course course, Lesson lesson) => Lesson(course, lesson) + "/video";

    public static string Captions(Course course, Lesson lesson) => Lesson(course, lesson) + "/captions";
}
