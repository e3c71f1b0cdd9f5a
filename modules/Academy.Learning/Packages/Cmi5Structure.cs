using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Academy.Learning.Packages;

public enum MoveOn { NotApplicable, Passed, Completed, CompletedAndPassed, CompletedOrPassed }

public enum LaunchMethod { AnyWindow, OwnWindow }

/// A cmi5 course structure as read from cmi5.xml: the course, then its blocks and AUs in document order.
public sealed record Cmi5Course(string Id, string Title, string Description, IReadOnlyList<Cmi5Node> Children)
{
    public IEnumerable<Cmi5Au> Aus => Cmi5Node.AusOf(Children);
}

public abstract record Cmi5Node(string Id, string Title, string Description)
{
    public static IEnumerable<Cmi5Au> AusOf(IEnumerable<Cmi5Node> nodes) =>
        nodes.SelectMany(n => n switch { Cmi5Au au => [au], Cmi5Block b => AusOf(b.Children), _ => [] });
}

public sealed record Cmi5Block(string Id, string Title, string Description, IReadOnlyList<Cmi5Node> Children) : Cmi5Node(Id, Title, Description);

/// Url: as written (trimmed); absolute, or relative to the package's root when the structure came in a zip.
public sealed record Cmi5Au(string Id, string Title, string Description, string Url, MoveOn MoveOn, decimal? MasteryScore,
    LaunchMethod LaunchMethod, string? LaunchParameters, string? EntitlementKey, string? ActivityType) : Cmi5Node(Id, Title, Description);

/// Reads and checks a cmi5 course structure (cmi5 spec sections 13 and 14): valid against the embedded CourseStructure.xsd,
/// then the rules the schema cannot say: every id an absolute IRI and used once in the whole structure; AU URLs fully
/// qualified outside a zip, and inside one either fully qualified or relative to a file the package holds; no AU URL
/// query parameter named like one the LMS adds at launch. Values are trimmed. Every problem is returned in document order.
public static class Cmi5Structure
{
    /// The namespace of the current specification, and the one of its first drafts (which published packages still use).
    public const string Namespace = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";
    public const string LegacyNamespace = "http://www.adlnet.gov/cmi5/CourseStructure.xsd";

    /// The launch URL's own parameters (spec 8.1): an AU URL may not carry them.
    public static readonly string[] LaunchParameterNames = ["endpoint", "fetch", "actor", "registration", "activityId"];

    private const int MaxErrors = 20;
    private static readonly Lazy<XmlSchemaSet> Schemas = new(LoadSchemas);

    public sealed record Result(Cmi5Course? Course, IReadOnlyList<string> Errors);

    /// fileExists: whether the package holds a file at a relative path (null: the structure came alone, not in a zip).
    public static Result Read(Stream xml, Func<string, bool>? fileExists)
    {
        var errors = new List<string>();
        XDocument document;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, ValidationType = ValidationType.Schema, Schemas = Schemas.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
        };
        settings.ValidationEventHandler += (_, e) =>
        {
            if (errors.Count < MaxErrors) errors.Add($"Line {e.Exception.LineNumber}: {e.Message}");
        };
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            return new(null, [$"The course structure is not valid XML: {e.Message}"]);
        }
        var root = document.Root!;
        if (root.Name.LocalName != "courseStructure" || (root.Name.NamespaceName != Namespace && root.Name.NamespaceName != LegacyNamespace))
            return new(null, [$"The course structure's root element must be courseStructure in the namespace {Namespace}"]);
        if (errors.Count > 0) return new(null, errors.Prepend("The course structure does not match the cmi5 schema (CourseStructure.xsd)").ToList());

        var ns = root.Name.Namespace;
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var courseElement = root.Element(ns + "course")!;
        var courseId = Id(courseElement, "course", ids, errors);
        var children = Children(root, ns, ids, errors, fileExists);
        foreach (var objective in root.Element(ns + "objectives")?.Elements(ns + "objective") ?? [])
            Id(objective, "objective", ids, errors);
        if (errors.Count > 0) return new(null, errors.Take(MaxErrors).ToList());
        return new(new Cmi5Course(courseId, Text(courseElement, ns + "title"), Text(courseElement, ns + "description"), children), []);
    }

    private static List<Cmi5Node> Children(XElement parent, XNamespace ns, Dictionary<string, int> ids, List<string> errors, Func<string, bool>? fileExists)
    {
        var nodes = new List<Cmi5Node>();
        foreach (var element in parent.Elements())
        {
            if (element.Name == ns + "block")
            {
                var id = Id(element, "block", ids, errors);
                var children = Children(element, ns, ids, errors, fileExists);
                nodes.Add(new Cmi5Block(id, Text(element, ns + "title"), Text(element, ns + "description"), children));
            }
            else if (element.Name == ns + "au")
            {
                nodes.Add(Au(element, ns, ids, errors, fileExists));
            }
        }
        return nodes;
    }

    private static Cmi5Au Au(XElement element, XNamespace ns, Dictionary<string, int> ids, List<string> errors, Func<string, bool>? fileExists)
    {
        var id = Id(element, "AU", ids, errors);
        var line = Line(element);
        var url = element.Element(ns + "url")!.Value.Trim();
        CheckUrl(url, line, errors, fileExists);
        var moveOn = Enum.Parse<MoveOn>(((string?)element.Attribute("moveOn"))?.Trim() ?? nameof(MoveOn.NotApplicable));
        var launchMethod = Enum.Parse<LaunchMethod>(((string?)element.Attribute("launchMethod"))?.Trim() ?? nameof(LaunchMethod.AnyWindow));
        decimal? mastery = element.Attribute("masteryScore") is { } m ? decimal.Parse(m.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture) : null;
        return new Cmi5Au(id, Text(element, ns + "title"), Text(element, ns + "description"), url, moveOn, mastery, launchMethod,
            Optional(element.Element(ns + "launchParameters")), Optional(element.Element(ns + "entitlementKey")),
            ((string?)element.Attribute("activityType"))?.Trim() is { Length: > 0 } type ? type : null);
    }

    private static void CheckUrl(string url, int line, List<string> errors, Func<string, bool>? fileExists)
    {
        var absolute = Uri.TryCreate(url, UriKind.Absolute, out var uri) && !url.StartsWith('/');
        string query;
        if (absolute)
        {
            query = uri!.Query;
        }
        else if (fileExists is null)
        {
            errors.Add($"Line {line}: the AU URL '{url}' is relative; a course structure outside a zip must use fully qualified URLs");
            return;
        }
        else
        {
            var path = url.Split('?', '#')[0];
            query = url.Contains('?') ? url[url.IndexOf('?')..].Split('#')[0] : "";
            var decoded = Uri.UnescapeDataString(path);
            if (url.StartsWith('/') || url.StartsWith('\\') || decoded.Split('/', '\\').Contains("..") || decoded.Contains(':'))
            {
                errors.Add($"Line {line}: the AU URL '{url}' points outside the package");
                return;
            }
            if (!fileExists(decoded))
            {
                errors.Add($"Line {line}: the AU URL '{url}' names a file the package does not contain");
                return;
            }
        }
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Uri.UnescapeDataString(pair.Split('=')[0].Replace('+', ' '));
            if (LaunchParameterNames.Contains(name, StringComparer.Ordinal))
                errors.Add($"Line {line}: the AU URL '{url}' has a query parameter '{name}', which cmi5 reserves for the launch");
        }
    }

    /// An id must be an absolute IRI (a scheme, then something) and unique within the course structure.
    private static string Id(XElement element, string what, Dictionary<string, int> ids, List<string> errors)
    {
        var id = ((string?)element.Attribute("id"))?.Trim() ?? "";
        var line = Line(element);
        if (!IsIri(id)) errors.Add($"Line {line}: the {what} id '{id}' is not an absolute IRI");
        else if (ids.TryGetValue(id, out var first)) errors.Add($"Line {line}: the {what} id '{id}' is already used on line {first}");
        else ids[id] = line;
        return id;
    }

    public static bool IsIri(string value) =>
        value.Length is > 0 and <= 2000 && Uri.TryCreate(value, UriKind.Absolute, out var uri) && !value.StartsWith('/')
        && uri.Scheme.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    /// The title in English when there is one (en-GB first), otherwise the first; trimmed, with runs of white space made one.
    private static string Text(XElement parent, XName name)
    {
        var strings = parent.Element(name)!.Elements().Where(e => e.Name.LocalName == "langstring").ToList();
        var lang = (XElement e) => ((string?)e.Attribute("lang") ?? "").ToLowerInvariant();
        var best = strings.FirstOrDefault(s => lang(s) == "en-gb") ?? strings.FirstOrDefault(s => lang(s).StartsWith("en", StringComparison.Ordinal)) ?? strings[0];
        return string.Join(' ', best.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string? Optional(XElement? element) => element?.Value.Trim() is { Length: > 0 } value ? value : null;

    private static int Line(XElement element) => ((IXmlLineInfo)element).LineNumber;

    private static XmlSchemaSet LoadSchemas()
    {
        using var stream = typeof(Cmi5Structure).Assembly.GetManifestResourceStream("Academy.Learning.Packages.CourseStructure.xsd")
            ?? throw new InvalidOperationException("CourseStructure.xsd is not embedded.");
        var xsd = new StreamReader(stream).ReadToEnd();
        var set = new XmlSchemaSet { XmlResolver = null };
        foreach (var ns in new[] { Namespace, LegacyNamespace })
            set.Add(XmlSchema.Read(new StringReader(xsd.Replace(Namespace, ns, StringComparison.Ordinal)), null)!);
        set.Compile();
        return set;
    }
}
