namespace Academy.Web;

/// Hangfire's dashboard is an endpoint, not a Razor page, so no page name reaches it: its address is written here once,
/// for the Notifications module that maps it and the pages that link to it.
public static class JobsDashboard
{
    public const string Path = "/admin/jobs";
}
