namespace Academy.Learning.Pages.Manage;

/// A page that shows _CourseFields.cshtml (field names "Form.Title"...).
public interface ICourseFormPage
{
    CourseForm Form { get; }
}
