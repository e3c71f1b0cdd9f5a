using Academy.Learning.Courses;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Academy.Learning.Pages.Manage;

/// A course's details as typed, shared by New and Edit with the fields in _CourseFields.cshtml.
public sealed class CourseForm
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Summary { get; set; }
    public string? Description { get; set; }
    public string? Domain { get; set; }
    public string? EstimatedMinutes { get; set; }
    public string? ValidityMonths { get; set; }
    public string? CompletionRule { get; set; }

    public CourseRules.CourseDetails Details => new(Title, Slug, Summary, Description, Domain, EstimatedMinutes, ValidityMonths, CompletionRule);

    public static CourseForm From(Course c) => new()
    {
        Title = c.Title, Slug = c.Slug, Summary = c.Summary, Description = c.Description, Domain = c.Domain.Key(),
        EstimatedMinutes = c.EstimatedMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ValidityMonths = c.ValidityMonths.ToString(System.Globalization.CultureInfo.InvariantCulture), CompletionRule = c.CompletionRule,
    };

    public static IReadOnlyList<SelectListItem> DomainOptions { get; } =
        [new("Select a domain", ""), .. CapabilityDomains.All.Select(d => new SelectListItem(d.DisplayName, d.Key))];
}
