using QRCoder;

namespace Academy.Learning.Certificates;

public static class CertificateQr
{
    /// A PNG QR code of the address (error correction M: it still scans with 15% of it smudged or folded),
    /// 6 pixels a module with the standard 4-module quiet zone.
    public const int PixelsPerModule = 6;

    public static byte[] Png(string url)
    {
        using var data = Data(url);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }

    /// The QR code's modules, quiet zone included (true: dark), for drawing it as vector squares in the PDF.
    public static bool[][] Modules(string url)
    {
        using var data = Data(url);
        return data.ModuleMatrix.Select(row => Enumerable.Range(0, row.Length).Select(i => row[i]).ToArray()).ToArray();
    }

    private static QRCodeData Data(string url)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
    }
}
