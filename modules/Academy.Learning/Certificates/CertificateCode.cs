using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Academy.Learning.Certificates;

/// A certificate's verification code: 12 characters of Crockford's base32 (digits and letters without I, L, O
/// and U, so nothing reads as another), shown in three groups of four: 7KQ2-M9XD-4RTB. Each character is chosen
/// by the operating system's CSPRNG, so knowing one code tells nothing about another. 32^12 = 2^60 ≈ 1.15e18
/// codes: with a million certificates issued, a guess hits one with probability 1e6 / 1.15e18 ≈ 8.7e-13, and at
/// the verification limit (30 lookups a minute from one address) finding any one certificate takes about
/// 73,000 years on average (1.15e18 / 1e6 = 1.15e12 guesses; / 30 a minute / 525,960 minutes a year).
public static class CertificateCode
{
    public const int Length = 12;
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// The stored form of what a person typed or scanned: trimmed, any case, spaces and hyphens anywhere,
    /// and the letters Crockford reads as digits (I and L as 1, O as 0). False when it cannot be a code.
    public static bool TryNormalise(string? input, [NotNullWhen(true)] out string? code)
    {
        code = null;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 64) return false;
        Span<char> chars = stackalloc char[Length];
        var count = 0;
        foreach (var c in input)
        {
            if (c is ' ' or '-' or '\t' || char.IsWhiteSpace(c)) continue;
            var upper = char.ToUpperInvariant(c) switch { 'I' or 'L' => '1', 'O' => '0', var u => u };
            if (Alphabet.IndexOf(upper) < 0 || count == Length) return false;
            chars[count++] = upper;
        }
        if (count != Length) return false;
        code = new string(chars);
        return true;
    }

    /// The printed form: 7KQ2-M9XD-4RTB.
    public static string Format(string code) =>
        code.Length == Length ? $"{code[..4]}-{code[4..8]}-{code[8..]}" : code;
}
