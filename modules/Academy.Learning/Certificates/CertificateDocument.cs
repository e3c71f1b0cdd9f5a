using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Academy.Learning.Certificates;

/// The certificate as an A4 landscape PDF: the same words as the printable page, the verification code,
/// the verification address as a link, and its QR code. The code and the address are also in the
/// document's properties (Subject, Keywords), where a reader or a search finds them as text.
public static class CertificateDocument
{
    private static readonly XColor NhsBlue = XColor.FromArgb(0x00, 0x5e, 0xb8);
    private static readonly XColor NhsBlack = XColor.FromArgb(0x21, 0x2b, 0x32);
    private static readonly XColor NhsGrey = XColor.FromArgb(0x4c, 0x62, 0x72);

    public static byte[] Pdf(Certificate certificate, string siteName, string verificationUrl)
    {
        CertificateFonts.Install();
        var code = CertificateCode.Format(certificate.Code);
        using var document = new PdfDocument();
        document.Info.Title = $"Certificate: {certificate.CourseTitle}";
        document.Info.Author = siteName;
        document.Info.Subject = $"{certificate.LearnerName} completed {certificate.CourseTitle}. Verification code {code}";
        document.Info.Keywords = $"{code} {verificationUrl}";

        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Landscape;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var (width, height) = (page.Width.Point, page.Height.Point);
            const double margin = 48;
            var text = new XSolidBrush(NhsBlack);
            var muted = new XSolidBrush(NhsGrey);
            var blue = new XSolidBrush(NhsBlue);

            gfx.DrawRectangle(blue, 0, 0, width, 72);
            gfx.DrawString(siteName, Font(22, bold: true), XBrushes.White, new XRect(margin, 0, width - 2 * margin, 72), XStringFormats.CenterLeft);

            var y = 120.0;
            var column = width - 2 * margin;
            y = Line(gfx, "Certificate of completion", Font(30, bold: true), blue, margin, y, column) + 18;
            y = Line(gfx, "This is to certify that", Font(14), muted, margin, y, column) + 8;
            y = Fitted(gfx, certificate.LearnerName, 28, bold: true, text, margin, y, column) + 12;
            y = Line(gfx, "has completed the course", Font(14), muted, margin, y, column) + 8;
            y = Fitted(gfx, certificate.CourseTitle, 24, bold: true, text, margin, y, column) + 24;
            y = Line(gfx, $"Completed on {Certificate.DisplayDate(certificate.IssuedAt)}", Font(14), text, margin, y, column) + 4;
            Line(gfx, certificate.ValidUntil is null ? "Does not expire" : $"Valid until {certificate.ValidUntilText}", Font(14), text, margin, y, column);

            const double qrSize = 120;
            var qrLeft = width - margin - qrSize;
            var qrTop = height - margin - qrSize;
            // Vector squares rather than the PNG: sharp at any zoom, and PDFsharp's core build reads no indexed PNG.
            var modules = CertificateQr.Modules(verificationUrl);
            var cell = qrSize / modules.Length;
            for (var row = 0; row < modules.Length; row++)
                for (var col = 0; col < modules[row].Length; col++)
                    if (modules[row][col]) gfx.DrawRectangle(XBrushes.Black, qrLeft + col * cell, qrTop + row * cell, cell, cell);

            var footer = qrLeft - margin - 24;
            var footY = height - margin - 70;
            footY = Line(gfx, $"Verification code: {code}", Font(14, bold: true), text, margin, footY, footer, center: false) + 6;
            footY = Line(gfx, "Anyone can check this certificate at", Font(11), muted, margin, footY, footer, center: false) + 2;
            var urlFont = Font(11);
            var urlWidth = Math.Min(gfx.MeasureString(verificationUrl, urlFont).Width, footer);
            Line(gfx, verificationUrl, urlFont, blue, margin, footY, footer, center: false);
            var linkArea = new XRect(margin, footY, urlWidth, urlFont.GetHeight());
            page.AddWebLink(new PdfRectangle(gfx.Transformer.WorldToDefaultPage(linkArea)), verificationUrl);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static XFont Font(double size, bool bold = false) =>
        new(CertificateFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    /// One line of text from the top of its box; returns the y below it.
    private static double Line(XGraphics gfx, string value, XFont font, XBrush brush, double left, double top, double width, bool center = true)
    {
        var height = font.GetHeight();
        gfx.DrawString(value, font, brush, new XRect(left, top, width, height), center ? XStringFormats.TopCenter : XStringFormats.TopLeft);
        return top + height;
    }

    /// A name or title of up to 200 characters: the largest size down to 14 pt that fits one line, else
    /// words wrapped onto lines at 14 pt.
    private static double Fitted(XGraphics gfx, string value, double size, bool bold, XBrush brush, double left, double top, double width)
    {
        for (var s = size; s >= 14; s -= 2)
        {
            var font = Font(s, bold);
            if (gfx.MeasureString(value, font).Width <= width) return Line(gfx, value, font, brush, left, top, width);
        }
        var small = Font(14, bold);
        var line = "";
        foreach (var word in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && gfx.MeasureString(next, small).Width > width)
            {
                top = Line(gfx, line, small, brush, left, top, width);
                line = word;
            }
            else line = next;
        }
        return line.Length == 0 ? top : Line(gfx, line, small, brush, left, top, width);
    }
}
