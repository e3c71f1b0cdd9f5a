using Academy.Learning.Cohorts;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Modules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Pages.Cohorts;

/// A cohort's courses (with due dates), people and CCIOs, and the forms that change them.
public sealed class ManageCohortModel(LearningDbContext db, CohortRules rules, IStaffDirectory staff) : CohortPage(db)
{
    public sealed record CourseRow(int CourseId, string Title, DateOnly? DueOn, int? DueDays);
    public sealed record PersonRow(string UserId, string Name, string Email, DateTimeOffset? JoinedAt);

    public IReadOnlyList<CourseRow> Courses { get; private set; } = [];
    public IReadOnlyList<PersonRow> Members { get; private set; } = [];
    public IReadOnlyList<PersonRow> Leads { get; private set; } = [];
    public IReadOnlyList<SelectListItem> CourseOptions { get; private set; } = [];
    public string? Done { get; private set; }

    [BindProperty] public string? CourseId { get; set; }
    [BindProperty] public string? DueKind { get; set; }
    [BindProperty] public string? DueDate { get; set; }
    [BindProperty] public string? DueDays { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? LeadEmail { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, string? done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, toChange: false, cancellationToken) is { } refused) return refused;
        Done = done switch
        {
            "course-added" => "The course is added, and everyone in the cohort is enrolled on it.",
            "course-removed" => "The course is removed. Enrolments that only this cohort gave, and that are not complete, have ended.",
            "person-added" => "The person is added and enrolled on the cohort's courses.",
            "person-removed" => "The person is removed. Enrolments that only this cohort gave, and that are not complete, have ended.",
            "lead-added" => "The CCIO now runs this cohort with you.",
            _ => null,
        };
        await ShowAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostAddCourseAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => rules.AddCourseAsync(Cohort, CourseId, DueKind, DueDate, DueDays, cancellationToken), "course-added", cancellationToken);

    public Task<IActionResult> OnPostAddPersonAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => rules.AddMemberAsync(Cohort, Email, cancellationToken), "person-added", cancellationToken);

    public Task<IActionResult> OnPostAddLeadAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => rules.AddLeadAsync(Cohort, LeadEmail, cancellationToken), "lead-added", cancellationToken);

    public async Task<IActionResult> OnPostRemoveCourseAsync(int id, int courseId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, toChange: true, cancellationToken) is { } refused) return refused;
        return await rules.RemoveCourseAsync(Cohort, courseId, cancellationToken) ? RedirectToPage("/Cohorts/Manage", new { id, done = "course-removed" }) : NotFound();
    }

    public async Task<IActionResult> OnPostRemovePersonAsync(int id, string? userId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, toChange: true, cancellationToken) is { } refused) return refused;
        return userId is not null && await rules.RemoveMemberAsync(Cohort, userId, cancellationToken) ? RedirectToPage("/Cohorts/Manage", new { id, done = "person-removed" }) : NotFound();
    }

    private async Task<IActionResult> ChangeAsync(int id, Func<Task<List<RuleError>>> change, string done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, toChange: true, cancellationToken) is { } refused) return refused;
        // Hidden characters or over-long text found by the binder: shown beside the field, nothing saved.
        var errors = ModelState.IsValid ? await change() : [];
        if (ModelState.IsValid && errors.Count == 0) return RedirectToPage("/Cohorts/Manage", new { id, done });
        await ShowAsync(cancellationToken);
        throw errors.Refused(statusCode: StatusCodes.Status200OK);
    }

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        Courses = await Db.CohortCourses.AsNoTracking().Where(c => c.CohortId == Cohort.Id).OrderBy(c => c.Course.Title)
            .Select(c => new CourseRow(c.CourseId, c.Course.Title, c.DueOn, c.DueDaysAfterJoining)).ToListAsync(cancellationToken);
        var inCohort = Courses.Select(c => c.CourseId).ToList();
        CourseOptions = [new SelectListItem("Select a course", ""), .. (await Db.Courses.AsNoTracking()
            .Where(c => c.Status == CourseStatus.Published && !inCohort.Contains(c.Id)).OrderBy(c => c.Title)
            .Select(c => new { c.Id, c.Title }).ToListAsync(cancellationToken)).Select(c => new SelectListItem(c.Title, c.Id.ToString(), c.Id.ToString() == CourseId))];
        var members = await Db.CohortMembers.AsNoTracking().Where(m => m.CohortId == Cohort.Id).OrderBy(m => m.Email).ToListAsync(cancellationToken);
        var leads = await Db.CohortLeads.AsNoTracking().Where(l => l.CohortId == Cohort.Id).Select(l => l.UserId).ToListAsync(cancellationToken);
        var people = (await staff.ByIdAsync(members.Select(m => m.UserId).Concat(leads), cancellationToken)).ToDictionary(p => p.UserId);
        Members = members.Select(m => new PersonRow(m.UserId, people.TryGetValue(m.UserId, out var p) ? p.DisplayName : m.Email, m.Email, m.JoinedAt)).ToList();
        Leads = leads.Select(l => people.TryGetValue(l, out var p) ? new PersonRow(l, p.DisplayName, p.Email, null) : new PersonRow(l, "A former account", "", null))
            .OrderBy(l => l.Name).ToList();
    }
}
