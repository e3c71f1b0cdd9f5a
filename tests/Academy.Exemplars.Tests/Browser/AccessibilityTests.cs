using Academy.Exemplars.Data;
using Academy.Exemplars.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Academy.Exemplars.Tests.Browser;

/// A record of every kind on one trust, so that every page of the module can be opened and scanned.
public sealed class AxeFixture : IAsyncLifetime
{
    public BrowserSite Browser { get; } = new();
    public Dictionary<string, string> Ids { get; } = [];
    private readonly Dictionary<string, IPage> pages = [];

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        var site = Browser.Site;
        var milestoneId = await Arrange.AchievedMilestoneAsync(site, BrowserSite.Trust);
        await Arrange.MilestoneAsync(site, BrowserSite.Trust, m => { m.ForecastDate = new DateOnly(2018, 6, 1); m.Status = MilestoneStatus.AtRisk; });
        await Arrange.DbAsync(site, async db =>
        {
            var participationId = await db.Milestones.Where(m => m.Id == milestoneId).Select(m => m.ParticipationId).SingleAsync();
            var draft = new ProgressReturn { ParticipationId = participationId, PeriodStart = new DateOnly(2016, 9, 1), PeriodEnd = new DateOnly(2016, 11, 30), DueDate = new DateOnly(2016, 12, 31), NarrativeMarkdown = "Some *progress*.", TimeRag = Rag.Amber };
            draft.Risks.Add(new RiskIssue { ParticipationId = participationId, Description = "Supplier capacity", Likelihood = 3, Impact = 4, Owner = "CIO", Mitigation = "Second supplier" });
            var submitted = new ProgressReturn { ParticipationId = participationId, PeriodStart = new DateOnly(2016, 12, 1), PeriodEnd = new DateOnly(2017, 2, 28), DueDate = new DateOnly(2017, 3, 31), Status = ReturnStatus.Submitted, SubmittedBy = "lead@trust.test", TimeRag = Rag.Red, DeliveryConfidence = Rag.Red };
            var claim = new Claim { ParticipationId = participationId, MilestoneId = milestoneId, Amount = 100_000m, ClaimedBy = "lead@trust.test" };
            var instalment = new Instalment { ParticipationId = participationId, Description = "Upfront", Amount = 1_000_000m };
            var lesson = new Lesson { ParticipationId = participationId, Title = "Bedside scanning", Context = "c", WhatHappened = "w", WhatToRepeat = "r", CapabilityArea = CapabilityArea.Epr, Tags = "scanning", Status = LessonStatus.Draft };
            var published = new[] { "Choose a supplier", "Train the floor-walkers" }.Select(title => new Lesson
            {
                ParticipationId = participationId, Title = title, Context = "A 900-bed acute trust.", WhatHappened = "w", CapabilityArea = CapabilityArea.Epr,
                Status = LessonStatus.Published, PublishedAt = DateTimeOffset.UtcNow,
            }).ToList();
            Blueprint Plan(string title, bool isPublished, IEnumerable<Lesson> lessons) => new()
            {
                ParticipationId = participationId, Title = title, CapabilityArea = CapabilityArea.Epr, UserType = "Clinicians", CareSetting = "Acute",
                ProjectType = "EPR implementation", Published = isPublished, PublishedAt = isPublished ? DateTimeOffset.UtcNow : null,
                Lessons = lessons.Select((l, i) => new BlueprintLesson { Lesson = l, Order = i + 1 }).ToList(),
            };
            var blueprint = Plan("Replacing the EPR", false, published);
            var emptyBlueprint = Plan("Not started", false, []);
            var publishedBlueprint = Plan("Going live with an EPR", true, published);
            db.AddRange(draft, submitted, claim, instalment, lesson, blueprint, emptyBlueprint, publishedBlueprint);
            await db.SaveChangesAsync();
            Ids["blueprint"] = blueprint.Id.ToString();
            Ids["empty-blueprint"] = emptyBlueprint.Id.ToString();
            Ids["published-blueprint"] = publishedBlueprint.Id.ToString();
            Ids["participation"] = participationId.ToString();
            Ids["milestone"] = milestoneId.ToString();
            Ids["draft"] = draft.Id.ToString();
            Ids["risk"] = draft.Risks[0].Id.ToString();
            Ids["submitted"] = submitted.Id.ToString();
            Ids["claim"] = claim.Id.ToString();
            Ids["lesson"] = lesson.Id.ToString();
            return 0;
        });
        await site.CreateUserAsync("axe-admin@academy.test", [Roles.Administrator]);
        await site.CreateUserAsync(CcioEmail, [Roles.Ccio], BrowserSite.Trust);
        await WorkforceAsync(site);
        Ids["programme"] = (await Arrange.DbAsync(site, async db =>
        {
            var programme = new Programme { Slug = "axe-programme", Name = "A programme with no trusts yet", CapPerTrust = 5_000_000m, StartDate = new DateOnly(2027, 4, 1), EndDate = new DateOnly(2030, 3, 31) };
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
            return programme.Id;
        })).ToString();
        Ids["user"] = await site.CreateUserAsync("axe-person@trust.test", [Roles.TrustLead, Roles.Learner], BrowserSite.Trust, name: "Axe Person");
        Ids["disabled"] = await site.CreateUserAsync("axe-disabled@trust.test", [Roles.Learner], name: "Axe Disabled");
        Ids["invited"] = await site.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Academy.Identity.Data.AcademyUser>>();
            var invited = new Academy.Identity.Data.AcademyUser { UserName = "axe-invited@trust.test", Email = "axe-invited@trust.test", DisplayName = "Axe Invited", EmailConfirmed = true };
            await users.CreateAsync(invited);
            await users.AddToRoleAsync(invited, Roles.Learner);
            var disabled = (await users.FindByIdAsync(Ids["disabled"]))!;
            await users.SetLockoutEnabledAsync(disabled, true);
            await users.SetLockoutEndDateAsync(disabled, Academy.Identity.Data.AcademyUser.DisabledUntil);
            return invited.Id;
        });
    }

    private const string CcioEmail = "axe-ccio@academy.test";

    /// The trust's workforce on the starter course (one overdue) and five self-assessments, so every skills table has rows.
    private static async Task WorkforceAsync(AcademySite site)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 0; i < 3; i++) await Arrange.StaffOnTheStarterCourseAsync(site, BrowserSite.Trust, today.AddDays(i == 0 ? -1 : 30));
        await Arrange.SelfAssessedAsync(site, BrowserSite.Trust, (3, 8), (4, 7), (5, 9), (2, 6), (6, 8));
    }

    public async Task<IPage> PageAsync(string who)
    {
        if (pages.TryGetValue(who, out var page)) return page;
        return pages[who] = await Browser.SignedInPageAsync(who switch
        {
            "lead" => Browser.LeadEmail,
            "reviewer" => Browser.ReviewerEmail,
            "ccio" => CcioEmail,
            _ => "axe-admin@academy.test",
        });
    }

    public string Url(string template) => Ids.Aggregate(template.Replace("{trust}", BrowserSite.Trust, StringComparison.Ordinal), (url, id) => url.Replace("{" + id.Key + "}", id.Value, StringComparison.Ordinal));

    public Task DisposeAsync() => Browser.DisposeAsync();
}

public sealed class AccessibilityTests(AxeFixture fixture) : IClassFixture<AxeFixture>
{
    public static TheoryData<string, string> Pages() => new()
    {
        { "lead", "/exemplars" },
        { "lead", "/exemplars/trusts/{trust}" },
        { "ccio", "/exemplars/trusts/{trust}" },
        { "lead", "/exemplars/trusts/{trust}/audit" },
        { "lead", "/exemplars/participations/{participation}/milestones/new" },
        { "lead", "/exemplars/milestones/{milestone}" },
        { "lead", "/exemplars/milestones/{milestone}/edit" },
        { "lead", "/exemplars/participations/{participation}/claims/new" },
        { "lead", "/exemplars/returns/{draft}" },
        { "lead", "/exemplars/returns/{draft}/edit" },
        { "lead", "/exemplars/returns/{draft}/risks/new" },
        { "lead", "/exemplars/returns/{draft}/milestone-updates/new" },
        { "lead", "/exemplars/returns/{draft}/audit" },
        { "lead", "/exemplars/returns/{draft}/measurements/new" },
        { "lead", "/exemplars/participations/{participation}/benefits/new" },
        { "lead", "/exemplars/claims/{claim}" },
        { "lead", "/exemplars/lessons" },
        { "lead", "/exemplars/lessons/new" },
        { "lead", "/exemplars/lessons/{lesson}" },
        { "lead", "/exemplars/lessons/{lesson}/edit" },
        { "lead", "/exemplars/blueprints" },
        { "lead", "/exemplars/blueprints/new" },
        { "lead", "/exemplars/blueprints/{blueprint}" },
        { "lead", "/exemplars/blueprints/{blueprint}/edit" },
        { "reviewer", "/exemplars/blueprints/{published-blueprint}" },
        { "reviewer", "/exemplars/portfolio" },
        { "reviewer", "/exemplars/returns/{submitted}" },
        { "reviewer", "/exemplars/returns/{submitted}/review" },
        { "lead", "/exemplars/returns/{draft}/check" },
        { "lead", "/exemplars/returns/{draft}/risks/{risk}" },
        { "lead", "/exemplars/returns/{submitted}/submitted" },
        { "lead", "/exemplars/returns/{submitted}?closed=1" },
        { "reviewer", "/exemplars/returns/to-review" },
        { "reviewer", "/exemplars/claims/{claim}" },
        { "admin", "/exemplars/participations/{participation}/edit" },
        { "admin", "/exemplars/participations/{participation}/instalments/new" },
        { "admin", "/exemplars" },
        { "admin", "/exemplars/programmes/new" },
        { "admin", "/exemplars/programmes/{programme}/trusts/new?created=true" },
        { "admin", "/exemplars/portfolio?programme=global-digital-exemplars" },
        { "admin", "/exemplars/portfolio?region=Nowhere" },
        { "admin", "/admin/users" },
        { "admin", "/admin/users?q=nobody-by-this-name" },
        { "admin", "/admin/users/new" },
        { "admin", "/admin/users/{user}?done=Added" },
        { "admin", "/admin/users/{invited}" },
        { "admin", "/admin/users/{disabled}?done=Disabled" },
        { "admin", "/admin/users/{user}/details" },
    };

    /// The error states: the page, the button that submits it, and a field to clear first for a form that opens filled in.
    public static TheoryData<string, string, string, string?> ErrorStates() => new()
    {
        { "lead", "/exemplars/participations/{participation}/milestones/new", "Save the milestone", null },
        { "lead", "/exemplars/returns/{draft}/risks/new", "Add it to the return", null },
        { "lead", "/exemplars/lessons/new", "Save as a draft", null },
        { "lead", "/exemplars/lessons/{lesson}/edit", "Save changes", "#Title" },
        { "lead", "/exemplars/blueprints/new", "Save as a draft", null },
        { "lead", "/exemplars/blueprints/{empty-blueprint}/edit", "Publish the blueprint", null },
        { "reviewer", "/exemplars/returns/{submitted}/review", "Send the decision", null },
        { "lead", "/exemplars/returns/{draft}/check", "Submit the return", null },
        { "admin", "/exemplars/participations/{participation}/edit", "Save changes", "#Allocation" },
        { "admin", "/exemplars/participations/{participation}/instalments/new", "Add the instalment", null },
        { "admin", "/exemplars/programmes/new", "Create the programme", null },
        { "admin", "/exemplars/programmes/{programme}/trusts/new", "Add the trust", null },
        { "admin", "/admin/users/new", "Add the person", null },
        { "admin", "/admin/users/{user}/details", "Save changes", "#Email" },
    };

    [Theory, MemberData(nameof(Pages))]
    public async Task Page_HasNoAccessibilityErrors(string who, string url)
    {
        var page = await fixture.PageAsync(who);

        var response = await page.GotoAsync(fixture.Url(url));

        Assert.Equal(200, response!.Status);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    /// The error states: the NHS.UK error summary and the errors beside the fields. A form that opens filled in
    /// has a field cleared first (and so is never saved).
    [Theory, MemberData(nameof(ErrorStates))]
    public async Task Page_WithErrors_HasNoAccessibilityErrors(string who, string url, string button, string? clear = null)
    {
        var page = await ShowErrorsAsync(who, url, button, clear);

        await Accessibility.AssertNoViolationsAsync(page);
    }

    /// The error state of every form fits the screen too: an error summary and messages beside the fields add width.
    [Theory, MemberData(nameof(ErrorStates))]
    public async Task Page_WithErrors_FitsTheScreen_AtDesktopAndPhoneWidths(string who, string url, string button, string? clear = null)
    {
        foreach (var width in new[] { 1280, 390 })
        {
            var page = await fixture.PageAsync(who);
            await page.SetViewportSizeAsync(width, 900);
            await ShowErrorsAsync(who, url, button, clear);
            await AssertFitsAsync(page, who, url + "-errors", width);
        }
        await (await fixture.PageAsync(who)).SetViewportSizeAsync(1280, 720);
    }

    private async Task<IPage> ShowErrorsAsync(string who, string url, string button, string? clear)
    {
        var page = await fixture.PageAsync(who);
        await page.GotoAsync(fixture.Url(url));
        if (clear is not null) await page.FillAsync(clear, "");

        // The button's exact words: "Save" must not also match "Save changes".
        await page.Locator("main button[type=submit]", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{System.Text.RegularExpressions.Regex.Escape(button)}\\s*$") }).First.ClickAsync();

        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        // Until the design system's script has run, the header's menu is one long row wider than a phone: wait for it.
        // The load event has been seen to arrive late on a busy machine; if it has not come in 10 s the page is measured
        // as it is, and a header not yet folded fails the width check rather than passing it.
        try { await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = 10_000 }); }
        catch (TimeoutException) { }
        return page;
    }

    private async Task AssertFitsAsync(IPage page, string who, string url, int width)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        var name = $"{who}{System.Text.RegularExpressions.Regex.Replace(fixture.Url(url), "[^a-z0-9]+", "-")}-{width}.png";
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
        Assert.True(scroll <= client, $"{url} is {scroll} px wide in a {client} px window ({width} px): see {name}");
    }

    /// No page is wider than the screen, at a desktop's 1280 px or a phone's 390 px; a screenshot of each is kept
    /// in the test output (screenshots/) for a person to look at.
    [Theory, MemberData(nameof(Pages))]
    public async Task Page_FitsTheScreen_AtDesktopAndPhoneWidths(string who, string url)
    {
        var page = await fixture.PageAsync(who);

        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync(fixture.Url(url));
            await AssertFitsAsync(page, who, url, width);
        }
        await page.SetViewportSizeAsync(1280, 720);
    }
}
