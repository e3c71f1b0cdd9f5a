using System.Globalization;
using System.Text.RegularExpressions;
using Academy.Exemplars.Data;
using Academy.Modules;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Audit;

/// One change as a person reads it: when, who (by name), and what, in the service's words:
/// "Milestone 'EPR go-live': status changed from At risk to Late".
public sealed record AuditLine(DateTimeOffset At, string Who, string What);

/// Turns the audit trail's rows (entity, id, field, old and new value, kept exactly as stored) into lines in
/// the service's language. The trail itself stays as it was written; only its reading changes.
public static partial class AuditWording
{
    public static async Task<IReadOnlyList<AuditLine>> DescribeAsync(ExemplarsDbContext db, IStaffDirectory staff, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var titles = await TitlesAsync(db, entries, cancellationToken);
        var people = entries.Select(e => e.Actor).Concat(entries.Where(e => PersonFields.Contains(e.Field)).SelectMany(e => new[] { e.OldValue, e.NewValue }).OfType<string>());
        var names = await staff.NamesAsync(people, cancellationToken);
        string Person(string? email) => email is null ? "" : names.TryGetValue(email, out var n) ? n : email;

        var lines = new List<AuditLine>();
        // A record added or removed is one line, not one per field.
        foreach (var change in entries.GroupBy(e => (e.At, e.Entity, e.RecordId, e.Action)))
        {
            var first = change.First();
            var record = Record(first.Entity, first.RecordId, titles, change);
            var who = first.Actor == "system" ? "The system" : Person(first.Actor);
            switch (first.Action)
            {
                case "Added": lines.Add(new(first.At, who, $"{record} added")); break;
                case "Deleted": lines.Add(new(first.At, who, $"{record} removed")); break;
                default:
                    foreach (var e in change.Where(e => !Hidden(e.Field)))
                        lines.Add(new(e.At, who, $"{record}: {FieldName(e.Field)} changed from {Value(e.Field, e.OldValue, Person)} to {Value(e.Field, e.NewValue, Person)}"));
                    break;
            }
        }
        return lines;
    }

    private static readonly HashSet<string> PersonFields = ["SubmittedBy", "DecidedBy", "ClaimedBy", "UploadedBy", "Author"];
    private static readonly HashSet<string> MoneyFields = ["Amount", "Allocation", "NationalSpend", "LocalSpend", "CapPerTrust", "ApprovedClaimsTotal", "LocalMatchedFunding"];

    /// Keys and bookkeeping that mean nothing to a reader.
    private static bool Hidden(string field) => field is "Version" or "StoredName" || (field.EndsWith("Id", StringComparison.Ordinal) && field != "Id");

    private static string FieldName(string field) => field switch
    {
        "NarrativeMarkdown" => "progress narrative",
        "RoadmapMarkdown" => "digital roadmap",
        "TimeRag" => "time rating",
        "BudgetRag" => "budget rating",
        "ScopeQualityRag" => "scope and quality rating",
        "RiskRag" => "risk rating",
        "BenefitsRag" => "benefits rating",
        "ScopeQualityComment" => "comment on scope and quality",
        "TimeComment" => "comment on time",
        "BudgetComment" => "comment on budget",
        "RiskComment" => "comment on risk",
        "BenefitsComment" => "comment on benefits",
        "ReviewerComment" => "reviewer's comment",
        "NationalSpend" => "national funding spent",
        "LocalSpend" => "local funding spent",
        "CapPerTrust" => "cap per trust",
        "PartnerOrganisation" => "partner organisation",
        "WhatToRepeat" => "what to repeat",
        "WhatToDoDifferently" => "what to do differently",
        _ => Words().Replace(field, " $1").Trim().ToLowerInvariant(),
    };

    private static string Value(string field, string? value, Func<string?, string> person)
    {
        if (string.IsNullOrEmpty(value)) return "nothing";
        if (PersonFields.Contains(field)) return person(value);
        if (MoneyFields.Contains(field) && decimal.TryParse(value, CultureInfo.InvariantCulture, out var money)) return Format.Money(money);
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return Format.Date(date);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && value.Contains('T')) return Format.When(at);
        if (field == "Status" && Enum.TryParse<MilestoneStatus>(value, out var ms)) return Format.Name(ms);
        if (field == "Status" && Enum.TryParse<ReturnStatus>(value, out var rs)) return Format.Name(rs);
        if (field == "Status" && Enum.TryParse<ClaimStatus>(value, out var cs)) return Format.Name(cs);
        if (field.EndsWith("Rag", StringComparison.Ordinal) || field == "DeliveryConfidence") return value;
        if (field == "CapabilityArea" && Enum.TryParse<CapabilityArea>(value, out var area)) return Format.Name(area);
        var shown = value.Length > 80 ? value[..80] + "…" : value;
        return $"'{shown}'";
    }

    private static string Record(string entity, string id, IReadOnlyDictionary<(string, string), string> titles, IEnumerable<AuditEntry> change)
    {
        var title = titles.TryGetValue((entity, id), out var t) ? t
            : change.FirstOrDefault(e => e.Field is "Title" or "Name" or "Description")?.Let(e => e.NewValue ?? e.OldValue);
        var kind = entity switch
        {
            nameof(ProgressReturn) => "Return",
            nameof(MilestoneUpdate) => "Milestone update",
            nameof(RiskIssue) => "Risk or issue",
            nameof(BenefitMeasurement) => "Benefit measurement",
            nameof(EvidenceFile) => "Evidence",
            nameof(Participation) => "Funding and roadmap",
            nameof(BlueprintLesson) => "Lesson in a blueprint",
            _ => Words().Replace(entity, " $1").Trim() is var words && words.Length > 0 ? char.ToUpperInvariant(words[0]) + words[1..].ToLowerInvariant() : entity,
        };
        return string.IsNullOrWhiteSpace(title) ? kind : $"{kind} '{title}'";
    }

    /// The names records are known by now (milestones, lessons, blueprints, benefits, return periods).
    private static async Task<IReadOnlyDictionary<(string, string), string>> TitlesAsync(ExemplarsDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        HashSet<int> Ids(string entity) => entries.Where(e => e.Entity == entity && int.TryParse(e.RecordId, out _)).Select(e => int.Parse(e.RecordId, CultureInfo.InvariantCulture)).ToHashSet();
        var titles = new Dictionary<(string, string), string>();
        void Add(string entity, IEnumerable<(int Id, string Title)> rows)
        {
            foreach (var (id, title) in rows) titles[(entity, id.ToString(CultureInfo.InvariantCulture))] = title;
        }
        var milestones = Ids(nameof(Milestone));
        Add(nameof(Milestone), (await db.Milestones.AsNoTracking().Where(m => milestones.Contains(m.Id)).Select(m => new { m.Id, m.Title }).ToListAsync(cancellationToken)).Select(m => (m.Id, m.Title)));
        var lessons = Ids(nameof(Lesson));
        Add(nameof(Lesson), (await db.Lessons.AsNoTracking().Where(m => lessons.Contains(m.Id)).Select(m => new { m.Id, m.Title }).ToListAsync(cancellationToken)).Select(m => (m.Id, m.Title)));
        var blueprints = Ids(nameof(Blueprint));
        Add(nameof(Blueprint), (await db.Blueprints.AsNoTracking().Where(m => blueprints.Contains(m.Id)).Select(m => new { m.Id, m.Title }).ToListAsync(cancellationToken)).Select(m => (m.Id, m.Title)));
        var benefits = Ids(nameof(Benefit));
        Add(nameof(Benefit), (await db.Benefits.AsNoTracking().Where(m => benefits.Contains(m.Id)).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken)).Select(m => (m.Id, m.Name)));
        var returns = Ids(nameof(ProgressReturn));
        Add(nameof(ProgressReturn), (await db.Returns.AsNoTracking().Where(m => returns.Contains(m.Id)).Select(m => new { m.Id, m.PeriodStart, m.PeriodEnd }).ToListAsync(cancellationToken))
            .Select(m => (m.Id, $"{Format.Date(m.PeriodStart)} to {Format.Date(m.PeriodEnd)}")));
        var updates = Ids(nameof(MilestoneUpdate));
        Add(nameof(MilestoneUpdate), (await db.MilestoneUpdates.AsNoTracking().Where(m => updates.Contains(m.Id)).Select(m => new { m.Id, m.Milestone.Title }).ToListAsync(cancellationToken)).Select(m => (m.Id, m.Title)));
        return titles;
    }

    private static TResult Let<T, TResult>(this T value, Func<T, TResult> f) => f(value);

    [GeneratedRegex("(?<!^)([A-Z])")] private static partial Regex Words();
}
