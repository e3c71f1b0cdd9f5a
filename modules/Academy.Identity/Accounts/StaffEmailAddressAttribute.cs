using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Academy.Identity.Accounts;

/// An email address Academy can send to and a person can sign in with: one @, a local part of the characters
/// mail systems accept (no spaces, no dot at either end or two together) and a domain of dot-separated
/// labels ending in a top-level domain of letters, as in name@nhs.net. [EmailAddress] alone accepts
/// "a@b", "name@nhs" and "first last@nhs.net" (it checks only for one @ not at either end).
/// Surrounding spaces are allowed: the pages trim them before saving.
[AttributeUsage(AttributeTargets.Property)]
public sealed partial class StaffEmailAddressAttribute : ValidationAttribute
{
    public const string Message = "Enter an email address in the correct format, like name@nhs.net";

    public StaffEmailAddressAttribute() : base(Message) { }

    // A missing address is [Required]'s to report.
    public override bool IsValid(object? value) => value is not string text || text.Length == 0 || IsValidAddress(text);

    public static bool IsValidAddress(string text)
    {
        var address = text.Trim();
        return address.Length <= 254 && Pattern().IsMatch(address);
    }

    [GeneratedRegex(@"^(?=.{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
