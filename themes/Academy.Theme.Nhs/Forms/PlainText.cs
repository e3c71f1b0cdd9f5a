using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Academy.Theme.Nhs.Forms;

/// What a text field may hold, for every form on the site: no control characters (a NUL breaks exports and
/// other systems), no bidirectional overrides or isolates (they make text read differently from how it is
/// stored: "Trojan Source"), no lone surrogates, and no more than a field's maximum length.
public static class PlainText
{
    /// The ceiling for a text field that declares no <see cref="MaxCharsAttribute"/> of its own.
    public const int DefaultMaxLength = 10_000;

    public const string HiddenCharactersMessage = "Remove the hidden characters (control characters or text-direction marks) from this answer";

    /// True when the text holds a character no person means to type into a form.
    public static bool HasHiddenCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\t' or '\n' or '\r') continue;
            if (char.IsControl(c)) return true;
            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\uFFFE' or '\uFFFF') return true;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return true;
        }
        return false;
    }

    /// Characters as a person counts them (and as the design system's character count counts them):
    /// CRLF, which browsers post for a line break, is one character.
    public static int Length(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Length;

    public static string TooLongMessage(string? name, int max) =>
        $"{name ?? "This answer"} must be {max.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} characters or fewer";
}

/// A text field's maximum length, enforced on the server and shown by the design system's character count:
/// <c>[MaxChars(200, "The owner")]</c> gives "The owner must be 200 characters or fewer".
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MaxCharsAttribute(int length, string name) : ValidationAttribute
{
    public int Length { get; } = length;
    public string Name { get; } = name;

    public override bool IsValid(object? value) => value is not string text || PlainText.Length(text) <= Length;

    public override string FormatErrorMessage(string name) => PlainText.TooLongMessage(Name, Length);
}
