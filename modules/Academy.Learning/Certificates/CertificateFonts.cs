using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Academy.Learning.Certificates;

/// PDFsharp on Linux finds no font of its own (shared/STACK.md): this serves Liberation Sans, shipped in this
/// assembly (Fonts/, SIL OFL 1.1), for every family it is asked for, bold or regular.
internal sealed class CertificateFonts : IFontResolver
{
    public const string Family = "Liberation Sans";
    private const string Regular = "LiberationSans-Regular";
    private const string Bold = "LiberationSans-Bold";

    private static readonly CertificateFonts Instance = new();
    private static readonly Lock Gate = new();
    private readonly ConcurrentDictionary<string, byte[]> faces = new();

    /// PDFsharp keeps one resolver per process and wants the same instance each time it is set,
    /// so several sites in one process (the tests) share this one.
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not CertificateFonts) GlobalFontSettings.FontResolver = Instance;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName is Regular or Bold ? faces.GetOrAdd(faceName, Load) : null;

    private static byte[] Load(string faceName)
    {
        using var stream = typeof(CertificateFonts).Assembly.GetManifestResourceStream($"Academy.Learning.Certificates.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName}.ttf is not embedded in Academy.Learning.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
