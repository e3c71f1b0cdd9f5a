using System.Text.RegularExpressions;

namespace Academy.Web.Tests.Conventions;

/// Issue 14 §3: links between pages come from page names (asp-page, Url.Page, RedirectToPage, ISiteLinks.ToPage), so
/// a route changed in one @page line moves every link with it. This reads the source: a typed site-relative address
/// in a view, a redirect or an email link fails here, naming the file and line.
public sealed partial class TypedLinkTests
{
    /// Static files the layout loads: files, not pages, so no page name reaches them.
    private static readonly string[] StaticFilePrefixes = ["/assets/", "/lib/", "/css/", "/js/"];

    /// Typed addresses under a page area's path that are not Razor pages, or that ASP.NET takes as a path before any
    /// page route exists. Each names its file, so a new one is a decision, not an accident.
    private static readonly (string File, string Address, string Why)[] NotPages =
    [
        ("modules/Academy.Abstractions/Web/JobsDashboard.cs", "/admin/jobs", "the Hangfire dashboard (MapHangfireDashboard), not a page"),
        ("modules/Academy.Learning/Packages/Cmi5Launches.cs", "/learning/packages/content/", "package files, a minimal API (PackageEndpoints.MapGet)"),
        ("modules/Academy.Learning/Packages/Cmi5Launches.cs", "/learning/packages/fetch/", "the cmi5 fetch URL, a minimal API (PackageEndpoints.MapPost)"),
        ("modules/Academy.Identity/IdentityModule.cs", "/account/sign-in", "CookieAuthenticationOptions.LoginPath, a PathString set at start-up"),
        ("modules/Academy.Identity/IdentityModule.cs", "/account/sign-out", "CookieAuthenticationOptions.LogoutPath, a PathString set at start-up"),
        ("modules/Academy.Identity/IdentityModule.cs", "/account/access-denied", "CookieAuthenticationOptions.AccessDeniedPath, a PathString set at start-up"),
        ("modules/Academy.Identity/IdentityModule.cs", "/admin/users", "ModuleManifest.LandingPath: metadata that nothing links from (yet)"),
    ];

    [Fact]
    public void Views_TypeNoSiteRelativeHrefOrAction()
    {
        var found = Scan("*.cshtml", TypedAttribute())
            .Where(f => !StaticFilePrefixes.Any(p => f.Address.StartsWith(p, StringComparison.Ordinal)))
            .Select(f => $"{f.File}:{f.Line}: {f.Address}").ToList();
        Assert.True(found.Count == 0, "Use asp-page/asp-area (or Url.Page) instead of typing these addresses:\n" + string.Join("\n", found));
    }

    [Fact]
    public void Code_TypesNoRedirectOrEmailLinkToASitePath()
    {
        var found = Scan("*.cs", TypedRedirectOrLink()).Select(f => $"{f.File}:{f.Line}: {f.Address}").ToList();
        Assert.True(found.Count == 0, "Use RedirectToPage or ISiteLinks.ToPage instead of typing these addresses:\n" + string.Join("\n", found));
    }

    [Fact]
    public void Guard_SeesATypedHref()
    {
        // The guard itself: the patterns above catch the forms this issue removed.
        Assert.Matches(TypedAttribute(), "<a href=\"/exemplars/returns/@r.Id\">");
        Assert.Matches(TypedAttribute(), "<form method=\"post\" action=\"/account/sign-out\">");
        Assert.Matches(TypedAttribute(), "<a href=\"@($\"/learning/cohorts/{id}\")\">");
        Assert.DoesNotMatch(TypedAttribute(), "<a asp-page=\"/Returns/Return\" asp-area=\"Exemplars\">");
        Assert.DoesNotMatch(TypedAttribute(), "<a href=\"#maincontent\">");
        Assert.Matches(TypedRedirectOrLink(), "return Redirect($\"/exemplars/returns/{id}\");");
        Assert.Matches(TypedRedirectOrLink(), "links.To(\"/account/sign-in\")");

        Assert.Matches(TypedHandler(), "<form method=\"post\" action=\"@action?handler=Remove\" asp-antiforgery=\"true\">");
        Assert.Matches(TypedHandler(), "<button type=\"submit\" formaction=\"?handler=MoveLesson\">");
        Assert.Matches(TypedHandler(), "recordUrl = PlayerLinks.Lesson(course, lesson) + \"?handler=Record&attempt=\" + attempt.Number,");
        Assert.Matches(TypedHandler(), "data-progress-url=\"@Model.Address?handler=progress\"");
        Assert.DoesNotMatch(TypedHandler(), "<button type=\"submit\" asp-page-handler=\"MoveLesson\">");
        Assert.DoesNotMatch(TypedHandler(), "action=\"@Url.Lesson(course, quiz, \"Answers\")\"");

        Assert.Matches(TypedPagePath(), "public const string Start = \"/learning/self-assessment\";");
        Assert.Matches(TypedPagePath(), "public static string Page(string code) => $\"/learning/certificates/{code}\";");
        Assert.Matches(TypedPagePath(), "var action = $\"/exemplars/blueprints/{b.Id}/edit\";");
        Assert.Matches(TypedPagePath(), "cookie.LoginPath = \"/account/sign-in\";");
        Assert.Matches(TypedPagePath(), "var users = @\"/admin/users/\" + id;");
        Assert.DoesNotMatch(TypedPagePath(), "Url.Page(\"/SelfAssessment/Check\", new { area = \"Learning\" })");
        Assert.DoesNotMatch(TypedPagePath(), "group.MapGet(\"/learning/feed/{id}\", Feed);");
        Assert.DoesNotMatch(TypedPagePath(), "public const string Path = \"/xapi/\";");
        Assert.Matches(AppendedSegment(), "<a href=\"@Model.CourseUrl/sections/@part.Id\">");
        Assert.Matches(AppendedSegment(), "return Redirect($\"{CourseUrl}/lessons/{lesson.Id}\");");
        Assert.Matches(AppendedSegment(), "<a href=\"@lessonUrl/questions/new\">");
        Assert.DoesNotMatch(AppendedSegment(), "<a href=\"@Model.CourseUrl#sections\">");
        Assert.DoesNotMatch(AppendedSegment(), "return Redirect(CourseUrl + \"#sections\");");
        Assert.False(IsCode("@page \"/learning/self-assessment/{domain}\""));
        Assert.False(IsCode("    /// To(\"/account/reset-password?token=...\")"));
        Assert.True(IsCode("    var back = \"/learning/self-assessment\";"));
    }

    [Fact]
    public void Code_TypesNoHandlerQuery()
    {
        var found = Scan("*.cs", TypedHandler()).Concat(Scan("*.cshtml", TypedHandler()))
            .Select(f => $"{f.File}:{f.Line}: {f.Address}").ToList();
        Assert.True(found.Count == 0, "Use asp-page-handler, or Url.Page with the handler, instead of typing ?handler=:\n" + string.Join("\n", found));
    }

    [Fact]
    public void Code_TypesNoStringStartingWithAPageAreaPath()
    {
        var found = Scan("*.cs", TypedPagePath()).Concat(Scan("*.cshtml", TypedPagePath()))
            .Where(f => !NotPages.Any(n => f.File.Replace('\\', '/') == n.File && f.Address == n.Address))
            .Select(f => $"{f.File}:{f.Line}: {f.Address}").ToList();
        Assert.True(found.Count == 0, "Build these addresses from page names (Url.Page, asp-page, RedirectToPage, ISiteLinks.ToPage):\n" + string.Join("\n", found));
    }

    [Fact]
    public void Code_AppendsNoPathToAPageAddress()
    {
        var found = Scan("*.cs", AppendedSegment()).Concat(Scan("*.cshtml", AppendedSegment()))
            .Select(f => $"{f.File}:{f.Line}: {f.Address}").ToList();
        Assert.True(found.Count == 0, "Link to the other page by its name instead of adding path segments to this one's address:\n" + string.Join("\n", found));
    }

    [Fact]
    public void NotPages_AreStillTyped()
    {
        // An entry whose address has gone from its file is a hole in the guard: remove it.
        var root = RepositoryRoot();
        var stale = NotPages.Where(n => !File.ReadAllText(Path.Combine(root, n.File)).Contains($"\"{n.Address}\"", StringComparison.Ordinal))
            .Select(n => $"{n.File}: {n.Address}").ToList();
        Assert.True(stale.Count == 0, "These NotPages entries are no longer typed in their files:\n" + string.Join("\n", stale));
    }

    private static IEnumerable<(string File, int Line, string Address)> Scan(string pattern, Regex regex)
    {
        var root = RepositoryRoot();
        foreach (var folder in new[] { "modules", "site", "themes" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), pattern, SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file);
                if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or "node_modules")) continue;
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (!IsCode(lines[i])) continue;
                    foreach (Match m in regex.Matches(lines[i]))
                        yield return (relative, i + 1, m.Groups["address"].Value);
                }
            }
        }
    }

    /// A @page directive is where a route is written down, and a comment may quote an address: neither is a link.
    private static bool IsCode(string line)
    {
        var text = line.TrimStart();
        return !(text.StartsWith("@page", StringComparison.Ordinal) || text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith("@*", StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Academy.sln"))) return dir.FullName;
        throw new InvalidOperationException("Academy.sln not found above the test output.");
    }

    /// href="/...", action="/...", href="@("/...")", href="@($"/...")": an address typed in the view.
    [GeneratedRegex("""\b(?:href|action|formaction)\s*=\s*"(?:@\(?\$?")?(?<address>/[^"]*)""")]
    private static partial Regex TypedAttribute();

    /// Redirect("/..."), Redirect($"/..."), LocalRedirect("/..."), RedirectResult("/..."), links.To("/...") to a page.
    /// The LRS endpoint and other non-pages go through their constants (XapiEndpoint.Path, JobsDashboard.Path).
    [GeneratedRegex("""\b(?:Redirect|LocalRedirect|RedirectResult|links\.To|siteLinks\.To)\(\$?"(?<address>/[^"]*)""")]
    private static partial Regex TypedRedirectOrLink();

    /// ?handler= typed anywhere: a page's handler goes through asp-page-handler or Url.Page(page, handler, values).
    [GeneratedRegex("""(?<address>\?handler=[^"&\s]*)""")]
    private static partial Regex TypedHandler();

    /// A string ("...", $"...", @"...") beginning with a page area's path. Route maps of minimal APIs (MapGet("/...")
    /// and the like) are endpoints, not pages, and are left to their own tests.
    [GeneratedRegex("""(?<!\bMap\w*\(\s*[$@]{0,2})(?<![$@])[$@]{0,2}"(?<address>/(?:learning|exemplars|account|admin)/[^"]*)""")]
    private static partial Regex TypedPagePath();

    /// A path segment added to a page's generated address ($"{CourseUrl}/lessons/{id}", @Model.CourseUrl/edit): the
    /// other page's route typed after all. A fragment (#sections) or a query from Url.Page is fine.
    [GeneratedRegex("""(?<address>\b\w*(?:Url|Address|Link)\}?/[A-Za-z@{][^"\s]*)""")]
    private static partial Regex AppendedSegment();
}
