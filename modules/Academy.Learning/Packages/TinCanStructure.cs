using System.Xml;
using System.Xml.Linq;

namespace Academy.Learning.Packages;

/// Reads tincan.xml (the Tin Can package manifest: activities, each with an id, a name and, for the ones a learner
/// opens, a launch file relative to the package). The course is the activity of type course (or the first activity);
/// every activity with a launch file becomes a unit, done when it is completed or passed, as Tin Can content reports.
/// The result reuses the cmi5 shapes, so both formats are saved, launched and counted through one path.
public static class TinCanStructure
{
    public const string Namespace = "http://projecttincan.com/tincan.xsd";
    private const string CourseType = "http://adlnet.gov/expapi/activities/course";

    public sealed record Result(Cmi5Course? Course, IReadOnlyList<string> Errors);

    public static Result Read(Stream xml, Func<string, bool> fileExists)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            return new(null, [$"tincan.xml is not valid XML: {e.Message}"]);
        }
        var ns = document.Root!.Name.Namespace;
        if (document.Root.Name.LocalName != "tincan") return new(null, ["tincan.xml must have a tincan root element"]);
        var activities = document.Root.Element(ns + "activities")?.Elements(ns + "activity").ToList() ?? [];
        var errors = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in activities)
        {
            var id = ((string?)a.Attribute("id"))?.Trim() ?? "";
            var line = ((IXmlLineInfo)a).LineNumber;
            if (!Cmi5Structure.IsIri(id)) errors.Add($"Line {line}: the activity id '{id}' is not an absolute IRI");
            else if (!ids.Add(id)) errors.Add($"Line {line}: the activity id '{id}' is used twice");
        }
        var launchable = activities.Where(a => a.Element(ns + "launch") is not null).ToList();
        if (launchable.Count == 0) errors.Add("tincan.xml has no activity with a launch file");
        var units = new List<Cmi5Node>();
        foreach (var a in launchable)
        {
            var url = a.Element(ns + "launch")!.Value.Trim();
            var line = ((IXmlLineInfo)a).LineNumber;
            var path = Uri.UnescapeDataString(url.Split('?', '#')[0]);
            var absolute = Uri.TryCreate(url, UriKind.Absolute, out _) && !url.StartsWith('/');
            if (!absolute && (url.StartsWith('/') || path.Split('/', '\\').Contains("..") || path.Contains(':')))
                errors.Add($"Line {line}: the launch file '{url}' points outside the package");
            else if (!absolute && !fileExists(path))
                errors.Add($"Line {line}: the launch file '{url}' is not in the package");
            var name = Name(a, ns) ?? url;
            units.Add(new Cmi5Au(((string?)a.Attribute("id"))?.Trim() ?? "", name, Description(a, ns) ?? "", url, MoveOn.CompletedOrPassed, null,
                LaunchMethod.AnyWindow, null, null, ((string?)a.Attribute("type"))?.Trim()));
        }
        if (errors.Count > 0) return new(null, errors);
        var course = activities.FirstOrDefault(a => (string?)a.Attribute("type") == CourseType) ?? activities[0];
        return new(new Cmi5Course(((string?)course.Attribute("id"))!.Trim(), Name(course, ns) ?? "Imported package", Description(course, ns) ?? "", units), []);
    }

    private static string? Name(XElement a, XNamespace ns) => Text(a.Elements(ns + "name"));

    private static string? Description(XElement a, XNamespace ns) => Text(a.Elements(ns + "description"));

    private static string? Text(IEnumerable<XElement> strings)
    {
        var list = strings.ToList();
        var best = list.FirstOrDefault(s => ((string?)s.Attribute("lang") ?? "").StartsWith("en", StringComparison.OrdinalIgnoreCase)) ?? list.FirstOrDefault();
        return best is null ? null : string.Join(' ', best.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } t ? t : null;
    }
}
