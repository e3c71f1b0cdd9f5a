using QRCoder;

namespace Academy.Learning.Certificates;

public static class CertificateQr
{
    /// A PNG QR code of the address (error correction M: it still scans with 15% of it smudged or folded),
    /// 6 pixels a module with the standard 4-module quiet zone.
    public const int PixelsPerModule = 6;

    public static byte[] Png(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }
}
