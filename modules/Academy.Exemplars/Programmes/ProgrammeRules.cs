using System.Text.RegularExpressions;
using Academy.Exemplars.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Programmes;

/// A programme's rules that pages, recipes and jobs share.
public static partial class ProgrammeRules
{
    /// How long a reporting period may be, in months.
    public static readonly IReadOnlyList<int> PeriodLengths = [1, 3, 6, 12];

    /// A programme that has ended is closed: nothing more is asked of its trusts (no reminders, nothing overdue).
    public static bool IsClosed(this Programme programme, DateOnly today) => today > programme.EndDate;

    /// How a period with no return (or a draft one) reads: "Not submitted" once the programme is closed,
    /// "Overdue" after its due date while the programme runs, otherwise "Not started".
    public static string MissingReturnLabel(Programme programme, ReportingPeriod period, DateOnly today) =>
        programme.IsClosed(today) ? "Not submitted" : period.Due < today ? "Overdue" : "Not started";

    /// The name in the programme's URL and recipes: its name in lower case with hyphens, made unique with a number.
    public static async Task<string> NewSlugAsync(ExemplarsDbContext db, string name, CancellationToken cancellationToken)
    {
        var stem = NotSlug().Replace(name.ToLowerInvariant(), "-").Trim('-');
        if (stem.Length == 0) stem = "programme";
        if (stem.Length > 90) stem = stem[..90].TrimEnd('-');
        var taken = await db.Programmes.Where(p => p.Slug.StartsWith(stem)).Select(p => p.Slug).ToListAsync(cancellationToken);
        var slug = stem;
        for (var n = 2; taken.Contains(slug); n++) slug = $"{stem}-{n}";
        return slug;
    }

    /// 3 to 5 capital letters and digits, like RTH.
    [GeneratedRegex("^[A-Z0-9]{3,5}$")]
    public static partial Regex OdsCodePattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
