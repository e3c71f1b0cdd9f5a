using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Packages;

/// A learner's cmi5 learner preferences (cmi5 section 11): the languages they want units in, in order, and whether
/// units start with audio on or off. Either may be unset.
public sealed class LearnerPreference
{
    public string UserId { get; set; } = "";
    /// A comma-separated list of RFC 5646 language tags, first preference first ("en-GB,cy").
    public string? LanguagePreference { get; set; }
    /// "on" or "off".
    public string? AudioPreference { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// The preferences' rules, for the preferences page and the launch: what a valid value is, saving them, and the
/// cmi5LearnerPreferences agent profile document Academy writes before each launch when any is set.
public sealed partial class LearnerPreferences(LearningDbContext db, TimeProvider clock)
{
    public const int MaxLanguages = 10;
    public static readonly string[] AudioValues = ["on", "off"];

    /// An RFC 5646 tag's shape (xAPI 5.2 language tags): a 2-3 letter primary language, then subtags of 1-8 letters or digits.
    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();

    /// The languages as they will be stored (trimmed, joined by commas; null for none) and the errors, in the form's order.
    public static (string? Languages, string? Audio, List<RuleError> Errors) Check(string? languages, string? audio)
    {
        var errors = new List<RuleError>();
        var tags = (languages ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (tags.FirstOrDefault(t => !LanguageTag().IsMatch(t)) is { } bad)
            errors.Add(new("LanguagePreference", $"Enter language codes such as en-GB or cy, separated by commas: \"{Shorten(bad)}\" is not one"));
        else if (tags.Length > MaxLanguages)
            errors.Add(new("LanguagePreference", $"Enter {MaxLanguages} languages or fewer"));
        else if (tags.GroupBy(t => t, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            errors.Add(new("LanguagePreference", $"Enter each language once: {twice.Key} is there twice"));
        var sound = string.IsNullOrEmpty(audio) || audio == "none" ? null : AudioValues.FirstOrDefault(a => a == audio);
        if (sound is null && !string.IsNullOrEmpty(audio) && audio != "none") errors.Add(new("AudioPreference", "Select whether units start with sound on or off"));
        return (tags.Length == 0 ? null : string.Join(',', tags), sound, errors);
    }

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "…" : text;

    public Task<LearnerPreference?> ForAsync(string userId, CancellationToken cancellationToken) =>
        db.LearnerPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);

    public async Task<List<RuleError>> SaveAsync(string userId, string? languages, string? audio, CancellationToken cancellationToken)
    {
        var (checkedLanguages, checkedAudio, errors) = Check(languages, audio);
        if (errors.Count > 0) return errors;
        var row = await db.LearnerPreferences.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (row is null) db.LearnerPreferences.Add(row = new LearnerPreference { UserId = userId });
        (row.LanguagePreference, row.AudioPreference, row.UpdatedAt) = (checkedLanguages, checkedAudio, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// The cmi5LearnerPreferences document (cmi5 11.0) with the preferences that are set; null when none is.
    public async Task<JsonObject?> DocumentAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await ForAsync(userId, cancellationToken);
        if (row is null || (row.LanguagePreference is null && row.AudioPreference is null)) return null;
        var document = new JsonObject();
        if (row.LanguagePreference is { } languages) document["languagePreference"] = languages;
        if (row.AudioPreference is { } audio) document["audioPreference"] = audio;
        return document;
    }
}
