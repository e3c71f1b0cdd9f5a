using System.Security.Cryptography;

namespace Academy.Web;

/// A fresh nonce per request for the few inline scripts the NHS.UK template needs;
/// the content security policy allows only scripts that carry it.
public sealed class CspNonce
{
    // Hex, not base64: Razor would HTML-encode a "+" in the attribute and the nonce would no longer match the header.
    public string Value { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
