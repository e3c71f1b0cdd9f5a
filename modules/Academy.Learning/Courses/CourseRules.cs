namespace Academy.Learning.Courses;

/// The authoring rules of a course, in one place: pages, the recipe step and tests call these.
public static partial class CourseRules
{
    public const int SlugMaxLength = 100;
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 500;
    public const int TextMaxLength = 2000;
}
