using System.Globalization;

namespace Academy.Learning.Courses;

/// How course facts read on pages.
public static class CourseFormat
{
    public static string Minutes(int minutes) => minutes switch
    {
        < 60 => minutes == 1 ? "1 minute" : $"{minutes} minutes",
        _ when minutes % 60 == 0 => minutes == 60 ? "1 hour" : $"{minutes / 60} hours",
        _ => $"{minutes / 60} hour{(minutes >= 120 ? "s" : "")} {minutes % 60} minute{(minutes % 60 == 1 ? "" : "s")}",
    };

    public static string Validity(int months) => months switch
    {
        0 => "Your completion does not expire.",
        12 => "Your completion is valid for 1 year, then you take the course again.",
        _ when months % 12 == 0 => $"Your completion is valid for {months / 12} years, then you take the course again.",
        1 => "Your completion is valid for 1 month, then you take the course again.",
        _ => $"Your completion is valid for {months} months, then you take the course again.",
    };

    public static string Kind(LessonKind kind) => kind switch
    {
        LessonKind.Page => "Reading",
        LessonKind.Video => "Video",
        LessonKind.Quiz => "Quiz",
        LessonKind.Au => "E-learning",
        _ => kind.ToString(),
    };

    public static string Date(DateTimeOffset at) => at.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
