using System.Security.Cryptography;

namespace Academy.Web;

/// A fresh nonce per request for the few inline scripts the NHS.UK template needs;
/// the content security policy allows only scripts that carry it.
public sealed class CspNonce
{
    // Hex, not base64: Razor would HTML-encode a "+" in the attribute and the nonce would no longer match the header.
    public string Value { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// Origins (scheme://host:port) this page's forms may lead the browser to besides the site itself: browsers hold a
    /// form's redirect to form-action too, so a unit page whose launch redirects to the unit's own origin (a package
    /// content host, a publisher's site) names it here. Added to the policy's form-action for this response only.
    public List<string> FormActionOrigins { get; } = [];
}
