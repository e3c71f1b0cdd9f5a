using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;

namespace Academy.Web;

/// One step back up the site, shown above the page heading.
public sealed record Breadcrumb(string Text, string Href);

public static class BreadcrumbViewData
{
    private const string Key = "Academy.Breadcrumbs";

    public static void SetBreadcrumbs(this ViewDataDictionary viewData, params Breadcrumb[] trail) => viewData[Key] = trail;

    public static IReadOnlyList<Breadcrumb> Breadcrumbs(this ViewDataDictionary viewData) =>
        viewData[Key] as Breadcrumb[] ?? [];

    /// A step to a page by name: Url.Crumb("Blueprints", "/Blueprints/Index", "Exemplars").
    public static Breadcrumb Crumb(this IUrlHelper url, string text, string page, string area, object? values = null) =>
        new(text, url.Page(page, new RouteValueDictionary(values) { ["area"] = area })
            ?? throw new InvalidOperationException($"No route reaches the page {area}{page} with those values."));
}
