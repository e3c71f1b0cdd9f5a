using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Academy.Testing;

/// A form as a page renders it: where it posts and the fields a browser would send.
public sealed record FoundForm(string Page, string Method, string Action, bool Multipart, IReadOnlyList<FoundField> Fields)
{
    /// The same form on another record's page (/returns/7/edit and /returns/9/edit) has the same shape.
    public string Shape => $"{Method} {SiteWalk.Template(Action)} [{string.Join(",", Fields.Select(f => f.Name).Distinct().Order())}]";
}

public sealed record FoundField(string Name, string Type, string Value);

/// Walks a site as one signed-in person would: every same-site link from the home page, breadth first, and
/// every form on every page reached. No list of pages is kept by hand, so a module's new pages are walked as
/// soon as something links to them.
public static partial class SiteWalk
{
    /// pressButtons: after the links run out, submit each form once as it stands (as a person pressing its button
    /// would: "Start the return", "Add a risk") and walk on from where it leads, twice over, so that pages that
    /// exist only once something has been made are reached too. Forms that end the session are not pressed.
    public static async Task<IReadOnlyList<FoundForm>> FormsAsync(HttpClient client, string start = "/", int maxPages = 400, bool pressButtons = true)
    {
        var parser = new HtmlParser();
        var queue = new Queue<string>([start]);
        var seen = new HashSet<string>();
        var forms = new Dictionary<string, FoundForm>();
        var pressed = new HashSet<string>();
        var pages = 0;
        for (var round = 0; round < (pressButtons ? 3 : 1); round++)
        {
            if (round > 0)
                foreach (var form in forms.Values.Where(f => f.Method == "POST" && !f.Action.Contains("sign-out", StringComparison.OrdinalIgnoreCase) && pressed.Add(f.Shape)).ToList())
                {
                    var fields = form.Fields.Where(f => f.Type is not ("file" or "submit" or "button" or "radio" or "checkbox")).Select(f => KeyValuePair.Create(f.Name, f.Value));
                    var response = await client.PostAsync(form.Action, new FormUrlEncodedContent(fields));
                    if (response.Headers.Location is { IsAbsoluteUri: false } next) queue.Enqueue(next.ToString());
                }
            await WalkAsync();
        }
        return forms.Values.ToList();

        async Task WalkAsync()
        {
        while (queue.Count > 0 && pages < maxPages)
        {
            var url = queue.Dequeue();
            if (!seen.Add(Template(url))) continue;
            var response = await client.GetAsync(url);
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            pages++;
            var document = parser.ParseDocument(await response.Content.ReadAsStringAsync());
            foreach (var link in document.QuerySelectorAll("a[href]").Cast<IHtmlAnchorElement>())
            {
                var href = link.GetAttribute("href")!;
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !link.HasAttribute("download"))
                    queue.Enqueue(href.Split('#')[0]);
            }
            foreach (var form in document.QuerySelectorAll("form").Cast<IHtmlFormElement>())
            {
                var found = Read(url, form);
                forms.TryAdd(found.Shape, found);
            }
        }
        }
    }

    private static FoundForm Read(string page, IHtmlFormElement form)
    {
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page;
        var fields = new List<FoundField>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name)) continue;
            switch (element)
            {
                case IHtmlInputElement input: fields.Add(new(name, input.Type.ToLowerInvariant(), input.Value)); break;
                case IHtmlTextAreaElement area: fields.Add(new(name, "textarea", area.Value)); break;
                case IHtmlSelectElement select: fields.Add(new(name, "select", select.Value ?? "")); break;
                case IHtmlButtonElement button: fields.Add(new(name, "button", button.Value)); break;
            }
        }
        var method = (form.GetAttribute("method") ?? "get").ToUpperInvariant();
        return new FoundForm(page, method, action, form.Enctype == "multipart/form-data", fields);
    }

    /// An address with its record ids taken out: /exemplars/returns/{n}/edit?handler=Submit.
    public static string Template(string url) => Ids().Replace(url, "/{n}");

    [GeneratedRegex(@"/\d+(?=/|$|\?)")] private static partial Regex Ids();
}
