using Academy.Exemplars.Blueprints;
using Academy.Exemplars.Data;
using Academy.Exemplars.Lessons;
using Academy.Exemplars.Milestones;
using Academy.Exemplars.Reporting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Academy.Exemplars.Endpoints;

/// Read-only JSON for the portfolio, a trust's milestones, the lessons library and blueprints, authorised exactly as the
/// pages are. Under /api, the cookie events answer 401/403 instead of redirecting. Document: /api/exemplars/openapi.json.
public static class ExemplarsApi
{
    public const string DocumentName = "exemplars";
    public const string Prefix = "/api/" + DocumentName;

    public static void MapExemplarsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).WithGroupName(DocumentName).WithTags("Exemplars");
        api.MapGet("/portfolio", GetPortfolioAsync)
            .RequireAuthorization(Policies.NationalReviewer);
        api.MapGet("/trusts/{odsCode}/milestones", GetMilestonesAsync)
            .RequireAuthorization(ExemplarAccess.TrackerPolicy);
        api.MapGet("/trusts/{odsCode}/workforce-skills", GetWorkforceSkillsAsync)
            .RequireAuthorization(ExemplarAccess.TrackerPolicy);
        api.MapGet("/lessons", SearchLessonsAsync)
            .RequireAuthorization(Policies.SignedIn);
        api.MapGet("/blueprints", ListBlueprintsAsync)
            .RequireAuthorization(Policies.SignedIn);
        api.MapGet("/blueprints/{id:int}", GetBlueprintAsync)
            .RequireAuthorization(Policies.SignedIn);
        endpoints.MapOpenApi("/api/{documentName}/openapi.json").RequireAuthorization(Policies.SignedIn);
    }

    public sealed record PortfolioItem(string OdsCode, string Trust, string Programme, string Region, string? Rag, string? DrivenBy, DateOnly? RagPeriod,
        decimal Allocation, decimal Claimed, decimal Spent, int MilestonesAchieved, int MilestonesDue, int MilestonesLate, int ReturnsAwaitingReview,
        WorkforceSkillsItem WorkforceSkills);

    /// The trust's staff on the Digital Academy's published courses: PeopleEnrolled people hold Enrolments enrolments (one per person and
    /// course), of which Completed are complete and valid and Overdue are past their due date unfinished.
    public sealed record WorkforceSkillsItem(string OdsCode, int PeopleEnrolled, int Enrolments, int Completed, int Overdue,
        IReadOnlyList<CourseSkillsItem> Courses, SelfAssessmentItem SelfAssessment)
    {
        public static WorkforceSkillsItem From(WorkforceSkills skills) => new(skills.Learning.TrustOdsCode, skills.Learning.People, skills.Learning.Enrolled,
            skills.Learning.Completed, skills.Learning.Overdue,
            skills.Learning.Courses.Select(c => new CourseSkillsItem(c.CourseSlug, c.CourseTitle, c.Enrolled, c.Completed, c.Overdue)).ToList(),
            SelfAssessmentItem.From(skills.SelfAssessment));
    }

    public sealed record CourseSkillsItem(string Slug, string Title, int Enrolled, int Completed, int Overdue);

    /// The rule of 5: below 5 people Shown is false, People and Domains are null, and Withheld says why in words.
    public sealed record SelfAssessmentItem(bool Shown, int? People, string? Withheld, IReadOnlyList<DomainSkillsItem>? Domains)
    {
        public static SelfAssessmentItem From(Academy.Learning.TrustSelfAssessmentSummary summary) => summary.IsShown
            ? new(true, summary.People, null, summary.Domains.Select(d => new DomainSkillsItem(d.DomainKey, d.DomainName, d.MeanNow, d.MeanNeed, d.Gap)).ToList())
            : new(false, null, WorkforceSkills.TooFewPeople, null);
    }

    /// Means on the 0 to 10 scale; Gap is MeanNeed less MeanNow.
    public sealed record DomainSkillsItem(string Domain, string Name, double MeanNow, double MeanNeed, double Gap);

    public sealed record MilestoneItem(int Id, string Programme, string CapabilityArea, string Title, DateOnly BaselineDate, DateOnly ForecastDate, DateOnly? ActualDate, string Status, string? Why);

    public sealed record LessonItem(int Id, string Title, string Excerpt, string CapabilityArea, string Programme, string Trust, IReadOnlyList<string> Tags);

    public sealed record LessonResults(int Total, IReadOnlyList<LessonItem> Lessons, IReadOnlyDictionary<string, IReadOnlyList<Facet>> Facets);

    public sealed record BlueprintItem(int Id, string Title, string CapabilityArea, string Trust, string UserType, string CareSetting, string ProjectType,
        int Lessons, DateTimeOffset? PublishedAt);

    public sealed record BlueprintLessonItem(int Number, int Id, string Title, string Trust, string Summary);

    public sealed record BlueprintDetail(int Id, string Title, string CapabilityArea, string Trust, string Programme, string UserType, string CareSetting,
        string ProjectType, bool Published, DateTimeOffset? PublishedAt, IReadOnlyList<BlueprintLessonItem> Lessons);

    public static async Task<Ok<List<PortfolioItem>>> GetPortfolioAsync(Reporting.Portfolio portfolio, string? programme, string? region, string? capability, CancellationToken cancellationToken)
    {
        var area = Enum.TryParse<CapabilityArea>(capability, out var a) && Enum.IsDefined(a) ? a : (CapabilityArea?)null;
        var view = await portfolio.ReadAsync(new PortfolioFilter(programme, region, area), cancellationToken);
        return TypedResults.Ok(view.Rows.Select(r => new PortfolioItem(r.OdsCode, r.Trust, r.Programme, r.Region, r.Rag?.ToString(), r.Driver, r.RagPeriod,
            r.Allocation, r.Claimed, r.Spent, r.Achieved, r.Due, r.Late, r.AwaitingReview, WorkforceSkillsItem.From(view.Workforce[r.OdsCode]))).ToList());
    }

    /// The trust page's workforce digital skills; 404 for a trust the person may not read, as the page answers.
    public static async Task<Results<Ok<WorkforceSkillsItem>, NotFound>> GetWorkforceSkillsAsync(string odsCode, ClaimsPrincipal user, ExemplarsDbContext db,
        WorkforceSkillsReader workforce, CancellationToken cancellationToken)
    {
        var trust = await db.Trusts.AsNoTracking().SingleOrDefaultAsync(t => t.OdsCode == odsCode, cancellationToken);
        if (trust is null || !user.CanRead(trust)) return TypedResults.NotFound();
        return TypedResults.Ok(WorkforceSkillsItem.From(await workforce.ForTrustAsync(trust.OdsCode, cancellationToken)));
    }

    public static async Task<Results<Ok<List<MilestoneItem>>, NotFound>> GetMilestonesAsync(string odsCode, ClaimsPrincipal user, ExemplarsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var trust = await db.Trusts.AsNoTracking().SingleOrDefaultAsync(t => t.OdsCode == odsCode, cancellationToken);
        if (trust is null || !user.CanRead(trust)) return TypedResults.NotFound();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var milestones = await db.Milestones.AsNoTracking().Include(m => m.Participation).ThenInclude(p => p.Programme)
            .Where(m => m.Participation.TrustId == trust.Id).OrderBy(m => m.BaselineDate).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(milestones.Select(m => new MilestoneItem(m.Id, m.Participation.Programme.Name, m.CapabilityArea.ToString(), m.Title,
            m.BaselineDate, m.ForecastDate, m.ActualDate, m.Status.ToString(), MilestoneRules.Why(m, today))).ToList());
    }

    public static async Task<Ok<LessonResults>> SearchLessonsAsync(LessonIndex index, string? q, string? capability, string? programme, string? trust, string? tag, CancellationToken cancellationToken)
    {
        var result = await index.SearchAsync(q, new LessonFilter(capability, programme, trust, tag), 50, cancellationToken);
        return TypedResults.Ok(new LessonResults(result.Total,
            result.Hits.Select(h => new LessonItem(h.Id, h.Title.Value ?? "", h.Excerpt.Value ?? "", h.Area, h.Programme, h.Trust, h.Tags)).ToList(), result.Facets));
    }

    /// Published blueprints only (drafts are listed on the page, to their trust's lead). capability is the enum name, e.g. Epr.
    public static async Task<Ok<List<BlueprintItem>>> ListBlueprintsAsync(ExemplarsDbContext db, string? capability, string? userType, string? careSetting, string? projectType,
        CancellationToken cancellationToken)
    {
        var found = await db.PublishedAsync(BlueprintFilter.From(capability, userType, careSetting, projectType), cancellationToken);
        return TypedResults.Ok(found.Select(b => new BlueprintItem(b.Id, b.Title, b.CapabilityArea.ToString(), b.Trust, b.UserType, b.CareSetting, b.ProjectType,
            b.LessonCount, b.PublishedAt)).ToList());
    }

    /// A published blueprint, or a draft for its trust's lead; 404 for anyone else, as the page answers.
    public static async Task<Results<Ok<BlueprintDetail>, NotFound>> GetBlueprintAsync(int id, ClaimsPrincipal user, ExemplarsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.FindReadableBlueprintAsync(user, id, cancellationToken) is not { } b) return TypedResults.NotFound();
        return TypedResults.Ok(new BlueprintDetail(b.Id, b.Title, b.CapabilityArea.ToString(), b.Participation.Trust.Name, b.Participation.Programme.Name,
            b.UserType, b.CareSetting, b.ProjectType, b.Published, b.PublishedAt,
            b.Lessons.Select((l, i) => new BlueprintLessonItem(i + 1, l.LessonId, l.Lesson.Title, l.Lesson.Participation.Trust.Name,
                BlueprintRules.Summary(l.Lesson))).ToList()));
    }
}
