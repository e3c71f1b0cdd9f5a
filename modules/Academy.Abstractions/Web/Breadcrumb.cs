using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Academy.Web;

/// One step back up the site, shown above the page heading.
public sealed record Breadcrumb(string Text, string Href);

public static class BreadcrumbViewData
{
    private const string Key = "Academy.Breadcrumbs";

    public static void SetBreadcrumbs(this ViewDataDictionary viewData, params Breadcrumb[] trail) => viewData[Key] = trail;

    public static IReadOnlyList<Breadcrumb> Breadcrumbs(this ViewDataDictionary viewData) =>
        viewData[Key] as Breadcrumb[] ?? [];
}
