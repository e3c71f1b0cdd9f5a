using System.Security.Claims;
using Academy.Exemplars.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Blueprints;

/// The index's facets, as the national blueprints were indexed. Null or empty: any.
public sealed record BlueprintFilter(CapabilityArea? Area = null, string? UserType = null, string? CareSetting = null, string? ProjectType = null)
{
    /// The filter as a page's query or the API's asks for it (capability is the enum name, e.g. Epr). An unknown
    /// capability area matches nothing rather than everything: a filter that cannot match says so.
    public static BlueprintFilter From(string? capability, string? userType, string? careSetting, string? projectType)
    {
        CapabilityArea? area = string.IsNullOrEmpty(capability) ? null
            : Enum.TryParse<CapabilityArea>(capability, out var a) && Enum.IsDefined(a) ? a : (CapabilityArea)(-1);
        return new BlueprintFilter(area, userType, careSetting, projectType);
    }
}

/// The values the published blueprints use, for the filter's option lists.
public sealed record BlueprintFacets(IReadOnlyList<CapabilityArea> Areas, IReadOnlyList<string> UserTypes, IReadOnlyList<string> CareSettings, IReadOnlyList<string> ProjectTypes);

public sealed record BlueprintSummary(int Id, string Title, CapabilityArea CapabilityArea, string Trust, string UserType, string CareSetting, string ProjectType,
    int LessonCount, DateTimeOffset? PublishedAt);

/// A lesson a draft blueprint may take: published, of the blueprint's capability area, from any trust.
public sealed record LessonChoice(int Id, string Title, string Trust);

/// Who may read and change a blueprint, what the index lists, and the rules of a blueprint's lessons.
/// A published blueprint is for every signed-in person and is locked for good. A draft is its trust lead's
/// alone, as a draft lesson is: national reviewers and administrators do not see drafts either.
public static class BlueprintRules
{
    public static bool CanRead(this ClaimsPrincipal user, Blueprint blueprint) => blueprint.Published || user.CanWrite(blueprint.Participation.Trust);

    /// The owning trust's lead; a published blueprint is still theirs, but locked (the pages answer 409).
    public static bool IsOwner(this ClaimsPrincipal user, Blueprint blueprint) => user.CanWrite(blueprint.Participation.Trust);

    /// The blueprint with its trust, programme and lessons (each with its trust), or null when it does not exist or the person may not read it.
    public static async Task<Blueprint?> FindReadableBlueprintAsync(this ExemplarsDbContext db, ClaimsPrincipal user, int id, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = db.Blueprints.Include(b => b.Participation).ThenInclude(p => p.Trust).Include(b => b.Participation).ThenInclude(p => p.Programme)
            .Include(b => b.Lessons).ThenInclude(l => l.Lesson).ThenInclude(l => l.Participation).ThenInclude(p => p.Trust).AsSplitQuery();
        if (!tracked) query = query.AsNoTracking();
        var found = await query.SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (found is null || !user.CanRead(found)) return null;
        found.Lessons.Sort((a, b) => a.Order.CompareTo(b.Order));
        return found;
    }

    public static async Task<List<BlueprintSummary>> PublishedAsync(this ExemplarsDbContext db, BlueprintFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Blueprints.AsNoTracking().Where(b => b.Published);
        if (filter.Area is { } area) query = query.Where(b => b.CapabilityArea == area);
        if (!string.IsNullOrEmpty(filter.UserType)) query = query.Where(b => b.UserType == filter.UserType);
        if (!string.IsNullOrEmpty(filter.CareSetting)) query = query.Where(b => b.CareSetting == filter.CareSetting);
        if (!string.IsNullOrEmpty(filter.ProjectType)) query = query.Where(b => b.ProjectType == filter.ProjectType);
        return await Summaries(query).ToListAsync(cancellationToken);
    }

    /// The drafts of the lead's own trust (none for anyone else).
    public static async Task<List<BlueprintSummary>> DraftsForAsync(this ExemplarsDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.IsTrustLead() || user.TrustOdsCode() is not { Length: > 0 } ods) return [];
        return await Summaries(db.Blueprints.AsNoTracking().Where(b => !b.Published && b.Participation.Trust.OdsCode == ods)).ToListAsync(cancellationToken);
    }

    private static IQueryable<BlueprintSummary> Summaries(IQueryable<Blueprint> query) => query.OrderBy(b => b.Title).ThenBy(b => b.Id)
        .Select(b => new BlueprintSummary(b.Id, b.Title, b.CapabilityArea, b.Participation.Trust.Name, b.UserType, b.CareSetting, b.ProjectType, b.Lessons.Count, b.PublishedAt));

    public static async Task<BlueprintFacets> FacetsAsync(this ExemplarsDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Blueprints.AsNoTracking().Where(b => b.Published)
            .Select(b => new { b.CapabilityArea, b.UserType, b.CareSetting, b.ProjectType }).ToListAsync(cancellationToken);
        static List<string> Distinct(IEnumerable<string> values) => values.Distinct(StringComparer.Ordinal).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return new BlueprintFacets(rows.Select(r => r.CapabilityArea).Distinct().Order().ToList(),
            Distinct(rows.Select(r => r.UserType)), Distinct(rows.Select(r => r.CareSetting)), Distinct(rows.Select(r => r.ProjectType)));
    }

    /// Published lessons of the blueprint's capability area that it does not hold yet.
    public static async Task<List<LessonChoice>> LessonChoicesAsync(this ExemplarsDbContext db, Blueprint blueprint, CancellationToken cancellationToken)
    {
        var held = blueprint.Lessons.Select(l => l.LessonId).ToList();
        return await db.Lessons.AsNoTracking()
            .Where(l => l.Status == LessonStatus.Published && l.CapabilityArea == blueprint.CapabilityArea && !held.Contains(l.Id))
            .OrderBy(l => l.Title).ThenBy(l => l.Id).Select(l => new LessonChoice(l.Id, l.Title, l.Participation.Trust.Name)).ToListAsync(cancellationToken);
    }

    /// The start of a lesson's context, as a blueprint lists it: enough to decide whether to read it.
    public static string Summary(Lesson lesson) => Lessons.TextEncoder.Shorten(lesson.Context, 240);

    /// Adds the lesson last. The blueprint is tracked, its lessons loaded.
    public static void Append(Blueprint blueprint, int lessonId) =>
        blueprint.Lessons.Add(new BlueprintLesson { LessonId = lessonId, Order = blueprint.Lessons.Count == 0 ? 1 : blueprint.Lessons.Max(l => l.Order) + 1 });

    /// Removes the lesson and numbers the rest 1, 2, 3… again. False when the blueprint does not hold it.
    public static bool Remove(ExemplarsDbContext db, Blueprint blueprint, int lessonId)
    {
        var item = blueprint.Lessons.SingleOrDefault(l => l.LessonId == lessonId);
        if (item is null) return false;
        db.BlueprintLessons.Remove(item);
        var order = 1;
        foreach (var rest in blueprint.Lessons.Where(l => l != item).OrderBy(l => l.Order)) rest.Order = order++;
        return true;
    }

    /// Swaps the lesson with the one before (by -1) or after (by +1). False when the blueprint does not hold it;
    /// moving the first up or the last down changes nothing.
    public static bool Move(Blueprint blueprint, int lessonId, int by)
    {
        var ordered = blueprint.Lessons.OrderBy(l => l.Order).ToList();
        var index = ordered.FindIndex(l => l.LessonId == lessonId);
        if (index < 0) return false;
        var other = index + by;
        if (other < 0 || other >= ordered.Count) return true;
        (ordered[index].Order, ordered[other].Order) = (ordered[other].Order, ordered[index].Order);
        return true;
    }

    /// Every lesson of a blueprint is of its capability area, so the area changes only while it has none.
    public static string? AreaChangeProblem(Blueprint blueprint, CapabilityArea area) =>
        area != blueprint.CapabilityArea && blueprint.Lessons.Count > 0 ? "Remove the lessons before you change the capability area" : null;

    /// Why the blueprint cannot be published yet, checked again at publication: a lesson may have changed since it was added.
    public static IReadOnlyList<string> PublishProblems(Blueprint blueprint)
    {
        if (blueprint.Lessons.Count == 0) return ["Add at least one lesson before you publish the blueprint"];
        var problems = new List<string>();
        foreach (var item in blueprint.Lessons.OrderBy(l => l.Order))
        {
            if (item.Lesson.Status != LessonStatus.Published) problems.Add($"Remove ‘{item.Lesson.Title}’: it is not published");
            else if (item.Lesson.CapabilityArea != blueprint.CapabilityArea)
                problems.Add($"Remove ‘{item.Lesson.Title}’: its capability area is {Format.Name(item.Lesson.CapabilityArea)}, not {Format.Name(blueprint.CapabilityArea)}");
        }
        return problems;
    }
}
