using System.Text.RegularExpressions;

namespace Academy.Web.Tests.Conventions;

/// Issue 14 §3: links between pages come from page names (asp-page, Url.Page, RedirectToPage, ISiteLinks.ToPage), so
/// a route changed in one @page line moves every link with it. This reads the source: a typed site-relative address
/// in a view, a redirect or an email link fails here, naming the file and line.
public sealed partial class TypedLinkTests
{
    /// Static files the layout loads: files, not pages, so no page name reaches them.
    private static readonly string[] StaticFilePrefixes = ["/assets/", "/lib/", "/css/", "/js/"];

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
                    foreach (Match m in regex.Matches(lines[i]))
                        yield return (relative, i + 1, m.Groups["address"].Value);
            }
        }
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
}
