using System.Text.RegularExpressions;
using FluentValidation;

namespace Academy.Identity.Accounts;

/// The email address checks of the Identity forms, as FluentValidation rules (issue 14 §3). A missing address is
/// NotEmpty's to report, so both rules pass an empty one.
public static partial class EmailAddressRules
{
    public const string FormatMessage = "Enter an email address in the correct format, like name@nhs.net";

    /// An email address Academy can send to and a person can sign in with: one @, a local part of the characters
    /// mail systems accept (no spaces, no dot at either end or two together) and a domain of dot-separated
    /// labels ending in a top-level domain of letters, as in name@nhs.net. A bare "has one @" check accepts
    /// "a@b", "name@nhs" and "first last@nhs.net". For the forms that give an account its address.
    /// Surrounding spaces are allowed: the pages trim them before saving.
    public static IRuleBuilderOptions<T, string?> StaffEmailAddress<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => string.IsNullOrEmpty(text) || IsStaffAddress(text)).WithMessage(FormatMessage);

    /// Only one @, not at either end, and no line break: the check [EmailAddress] made. For the forms that look up
    /// an account by the address it already has (sign-in, reset link), which must not refuse an address setup accepted
    /// with this same check (Setup.cshtml.cs, Academy:Setup:AdminEmail).
    public static IRuleBuilderOptions<T, string?> AnyEmailAddress<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => string.IsNullOrEmpty(text) || HasOneAt(text)).WithMessage(FormatMessage);

    public static bool IsStaffAddress(string text)
    {
        var address = text.Trim();
        return address.Length <= 254 && Pattern().IsMatch(address);
    }

    private static bool HasOneAt(string text)
    {
        if (text.AsSpan().ContainsAny('\r', '\n')) return false;
        var at = text.IndexOf('@');
        return at > 0 && at != text.Length - 1 && at == text.LastIndexOf('@');
    }

    [GeneratedRegex(@"^(?=.{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
