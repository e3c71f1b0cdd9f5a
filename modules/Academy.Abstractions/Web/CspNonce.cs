using System.Security.Cryptography;

namespace Academy.Web;

/// A fresh nonce per request for the few inline scripts the NHS.UK template needs;
/// the content security policy allows only scripts that carry it.
public sealed class CspNonce
{
    public string Value { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
}
