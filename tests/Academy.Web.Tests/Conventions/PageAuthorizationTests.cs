using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;

namespace Academy.Web.Tests.Conventions;

/// Issue 14 §3: every page says who may use it by naming a policy (or AllowAnonymous), never by typing a role list.
/// No module authorises pages by folder convention (AuthorizeFolder / AuthorizeAreaFolder are not used), so the
/// attributes on the page, its model or a base class of the model are the whole story; a page with neither would fall
/// to the fallback policy (signed in), which this test does not accept as a decision.
public sealed class PageAuthorizationTests
{
    [Fact]
    public void EveryPage_NamesAPolicyOrAllowsAnonymous_AndNoneListsRoles()
    {
        var pages = AcademyPages().ToList();
        Assert.True(pages.Count >= 80, $"Found only {pages.Count} Razor pages: the scan no longer sees the modules.");

        var problems = new List<string>();
        foreach (var (path, attributes) in pages)
        {
            var authorize = attributes.OfType<IAuthorizeData>().ToList();
            if (authorize.Any(a => !string.IsNullOrEmpty(a.Roles)))
                problems.Add($"{path}: [Authorize(Roles = \"{string.Join(";", authorize.Select(a => a.Roles))}\")] types a role list; name a policy");
            if (!attributes.OfType<IAllowAnonymous>().Any() && !authorize.Any(a => !string.IsNullOrEmpty(a.Policy)))
                problems.Add($"{path}: neither [Authorize(Policy = ...)] nor [AllowAnonymous]");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// Each compiled Razor page of the site and its modules, with the attributes routing reads for it: the page class's
    /// own (@attribute) and its model's, inherited ones included.
    private static IEnumerable<(string Path, object[] Attributes)> AcademyPages()
    {
        var assemblies = typeof(Program).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("Academy.", StringComparison.Ordinal))
            .Select(Assembly.Load).Append(typeof(Program).Assembly).Distinct();
        foreach (var assembly in assemblies)
        {
            foreach (var item in assembly.GetCustomAttributes<RazorCompiledItemAttribute>().Where(i => i.Kind == "mvc.1.0.razor-page"))
            {
                var model = item.Type.GetProperty("Model")?.PropertyType;
                var handler = model is not null && typeof(PageModel).IsAssignableFrom(model) ? model : item.Type;
                yield return ($"{assembly.GetName().Name}{item.Identifier}",
                    [.. item.Type.GetCustomAttributes(inherit: true), .. handler == item.Type ? [] : handler.GetCustomAttributes(inherit: true)]);
            }
        }
    }
}
