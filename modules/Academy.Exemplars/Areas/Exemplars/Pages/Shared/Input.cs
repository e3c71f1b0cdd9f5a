using System.Globalization;

namespace Academy.Exemplars.Pages;

/// Parsing what people type, with the NHS.UK style of message ("Enter ...") on the field.
public static class Input
{
    /// An amount in pounds and pence: "1250", "1,250.00" or "£1,250.50"; the amount, or the message to show beside the field.
    public static (decimal? Amount, string? Problem) ParseMoney(string? text, string what, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text)) return required ? (null, $"Enter {what}") : (0m, null);
        var cleaned = text.Trim().Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim();
        if (!decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || decimal.Round(amount, 2) != amount || Math.Abs(amount) > 1_000_000_000m)
            return (null, $"Enter {what} in pounds and pence, like 1,250.00");
        if (amount < 0) return (null, $"{char.ToUpperInvariant(what[0])}{what[1..]} must not be negative");
        return (amount, null);
    }

    /// A date as the date input's day, month and year arrive (yyyy-M-d, see PlainTextModelBinder), or as people
    /// write it (1/4/2018, 1 April 2018); the date (null when not required and empty), or the message to show beside the field.
    public static (DateOnly? Date, string? Problem) ParseDate(string? text, string what, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, required ? $"Enter {what}" : null);
        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)
            || DateOnly.TryParse(text.Trim(), Format.EnGb, DateTimeStyles.None, out iso))
            return (iso, null);
        return (null, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be a real date");
    }

    public static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
