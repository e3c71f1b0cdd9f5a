using System.Globalization;
using System.Text.RegularExpressions;
using Academy.Exemplars.Data;
using Academy.Exemplars.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Academy.Exemplars.Tests.Browser;

public sealed class BlueprintJourneyTests(BrowserSite fixture) : IClassFixture<BrowserSite>
{
    private const string TrustName = "University Hospitals Birmingham NHS Foundation Trust";
    private const string OtherTrust = "RGR";
    private const string OtherTrustName = "West Suffolk NHS Foundation Trust";

    private static async Task<IPage> ScannedAsync(IPage page)
    {
        await Accessibility.AssertNoViolationsAsync(page);
        return page;
    }

    private Task<int> PublishedLessonAsync(string ods, string title) => Arrange.DbAsync(fixture.Site, async db =>
    {
        var lesson = new Lesson
        {
            ParticipationId = await db.Participations.Where(p => p.Trust.OdsCode == ods).Select(p => p.Id).FirstAsync(),
            Title = title, CapabilityArea = CapabilityArea.Epr, Context = $"{title}: how a 900-bed acute trust went about it.", WhatHappened = "Wards went live one by one.",
            Tags = "go-live", Status = LessonStatus.Published, PublishedAt = DateTimeOffset.UtcNow,
        };
        db.Lessons.Add(lesson);
        await db.SaveChangesAsync();
        return lesson.Id;
    });

    /// Another trust's published blueprint that differs from the journey's only by its care setting.
    private Task<int> PublishedBlueprintAsync(string ods, string title, string careSetting, int lessonId) => Arrange.DbAsync(fixture.Site, async db =>
    {
        var blueprint = new Blueprint
        {
            ParticipationId = await db.Participations.Where(p => p.Trust.OdsCode == ods).Select(p => p.Id).FirstAsync(),
            Title = title, CapabilityArea = CapabilityArea.Epr, UserType = "Clinicians", CareSetting = careSetting, ProjectType = "EPR implementation",
            Author = "arrange", Published = true, PublishedAt = DateTimeOffset.UtcNow, Lessons = [new BlueprintLesson { LessonId = lessonId, Order = 1 }],
        };
        db.Blueprints.Add(blueprint);
        await db.SaveChangesAsync();
        return blueprint.Id;
    });

    /// The text a person sees in each element, trimmed.
    private static async Task<string[]> TextsAsync(ILocator locator) => (await locator.AllInnerTextsAsync()).Select(t => t.Trim()).ToArray();

    /// The text of each element with the visually hidden parts that a screen reader also reads, spaces collapsed.
    private static async Task<string[]> SpokenAsync(ILocator locator) => (await locator.AllTextContentsAsync()).Select(t => Regex.Replace(t, @"\s+", " ").Trim()).ToArray();

    private static Task<string[]> HrefsAsync(ILocator links) => links.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

    [Fact]
    public async Task Blueprint_WrittenOrderedAndPublishedByALead_IsFoundByItsCareSettingAndFollowedInOrderByALearner()
    {
        // Three published EPR lessons from two trusts; another trust's published blueprint for mental health.
        var scanning = await PublishedLessonAsync(BrowserSite.Trust, "Bedside barcode scanning");
        var floorWalkers = await PublishedLessonAsync(OtherTrust, "Floor-walkers for go-live week");
        var supplier = await PublishedLessonAsync(BrowserSite.Trust, "Choosing an EPR supplier");
        var mentalHealth = await PublishedBlueprintAsync(OtherTrust, "An EPR for a mental health trust", "Mental health", floorWalkers);
        var learnerEmail = Arrange.NewEmail("learner");
        await fixture.Site.CreateUserAsync(learnerEmail, [Roles.Learner]);
        const string title = "Going live with an EPR in an acute trust";

        // The lead of trust A goes from the programme's landing page to the blueprints and writes one.
        var lead = await fixture.SignedInPageAsync(fixture.LeadEmail);
        await lead.GotoAsync("/exemplars");
        await lead.ClickAsync("a:has-text('Blueprints: lessons in order')");
        await lead.WaitForURLAsync("**/exemplars/blueprints");
        await lead.ClickAsync("a:has-text('Write a blueprint')");
        await lead.WaitForURLAsync("**/exemplars/blueprints/new");
        await lead.FillAsync("#Form_Title", title);
        await lead.SelectOptionAsync("#Form_CapabilityArea", new SelectOptionValue { Label = "Electronic patient record (EPR)" });
        await lead.FillAsync("#Form_UserType", "Clinicians");
        await lead.FillAsync("#Form_CareSetting", " Acute ");
        await lead.FillAsync("#Form_ProjectType", "EPR implementation");
        await lead.ClickAsync("button:has-text('Save as a draft')");
        await lead.WaitForURLAsync(new Regex(@"/exemplars/blueprints/\d+/edit$"));
        var editUrl = new Uri(lead.Url).AbsolutePath;
        var id = int.Parse(editUrl.Split('/')[^2], CultureInfo.InvariantCulture);
        Assert.Equal(title, await lead.InputValueAsync("#Form_Title"));
        Assert.Equal("Epr", await lead.InputValueAsync("#Form_CapabilityArea"));
        Assert.Equal("Acute", await lead.InputValueAsync("#Form_CareSetting"));
        Assert.Contains("No lessons yet.", await lead.InnerTextAsync("#Lessons"));

        // Publishing it with no lessons is refused: the NHS.UK error summary links to the lessons, which show the error too.
        await lead.ClickAsync("button:has-text('Publish the blueprint')");
        var summary = lead.Locator(".nhsuk-error-summary");
        await summary.WaitForAsync();
        Assert.Equal("There is a problem", (await summary.Locator("h2").InnerTextAsync()).Trim());
        var summaryLink = summary.Locator("a");
        Assert.Equal("Add at least one lesson before you publish the blueprint", (await summaryLink.InnerTextAsync()).Trim());
        Assert.Equal("#Lessons", await summaryLink.GetAttributeAsync("href"));
        Assert.Contains("Add at least one lesson before you publish the blueprint", await lead.InnerTextAsync("#Lessons-error"));
        Assert.False(await Arrange.DbAsync(fixture.Site, db => db.Blueprints.Where(b => b.Id == id).Select(b => b.Published).SingleAsync()));

        // The select offers the published EPR lessons of both trusts; the lead adds all three.
        Assert.Equal(new[] { "Select a lesson", $"Bedside barcode scanning ({TrustName})", $"Choosing an EPR supplier ({TrustName})", $"Floor-walkers for go-live week ({OtherTrustName})" },
            await TextsAsync(lead.Locator("#LessonId option")));
        var added = lead.Locator("#Lessons ol > li > a");
        var lessons = new[] { (scanning, "Bedside barcode scanning"), (floorWalkers, "Floor-walkers for go-live week"), (supplier, "Choosing an EPR supplier") };
        for (var i = 0; i < lessons.Length; i++)
        {
            await lead.SelectOptionAsync("#LessonId", lessons[i].Item1.ToString(CultureInfo.InvariantCulture));
            await lead.ClickAsync("button:has-text('Add the lesson')");
            await Expect(added).ToHaveCountAsync(i + 1);
            // Back on the edit page at the lessons: the address's fragment names the lessons' element (ids are case-sensitive).
            var fragment = new Uri(lead.Url).Fragment;
            Assert.True(await lead.Locator(fragment).CountAsync() == 1, $"No element of {lead.Url} has the id in its fragment {fragment}");
            Assert.Equal($"{editUrl}#Lessons", new Uri(lead.Url).AbsolutePath + fragment);
        }
        await Expect(added).ToHaveTextAsync(lessons.Select(l => l.Item2).ToArray());
        Assert.Equal(new[] { "Select a lesson" }, await TextsAsync(lead.Locator("#LessonId option")));
        Assert.Contains("No other published lessons are about Electronic patient record (EPR) yet.", await lead.InnerTextAsync("#LessonId-hint"));

        // The last lesson moves up one place.
        await lead.Locator("#Lessons li", new() { HasText = "Choosing an EPR supplier" }).GetByRole(AriaRole.Button, new() { Name = "Move up" }).ClickAsync();
        await Expect(added).ToHaveTextAsync(["Bedside barcode scanning", "Choosing an EPR supplier", "Floor-walkers for go-live week"]);
        Assert.Equal(new[] { $"/exemplars/lessons/{scanning}", $"/exemplars/lessons/{supplier}", $"/exemplars/lessons/{floorWalkers}" },
            await HrefsAsync(added));
        Assert.Equal(new[] { $"({TrustName})", $"({TrustName})", $"({OtherTrustName})" }, await TextsAsync(lead.Locator("#Lessons ol > li > span.nhsuk-body-s")));
        // The middle lesson offers both moves, the first only down, the last only up; each can be removed.
        Assert.Equal(new[]
        {
            "Move down: Bedside barcode scanning", "Remove: Bedside barcode scanning",
            "Move up: Choosing an EPR supplier", "Move down: Choosing an EPR supplier", "Remove: Choosing an EPR supplier",
            "Move up: Floor-walkers for go-live week", "Remove: Floor-walkers for go-live week",
        }, await SpokenAsync(lead.Locator("#Lessons button")));
        await ScannedAsync(lead);
        Assert.Equal(new[] { scanning, supplier, floorWalkers }, await Arrange.DbAsync(fixture.Site, db =>
            db.BlueprintLessons.Where(l => l.BlueprintId == id).OrderBy(l => l.Order).Select(l => l.LessonId).ToListAsync()));

        // Published: shown as such, and no longer offered for change.
        await lead.ClickAsync("button:has-text('Publish the blueprint')");
        await lead.WaitForURLAsync(new Regex($@"/exemplars/blueprints/{id}$"));
        Assert.Equal(title, (await lead.InnerTextAsync("h1")).Trim());
        var published = await lead.InnerTextAsync("main");
        Assert.Matches(@"Published\s+\d{1,2} \w+ \d{4}", published);
        Assert.DoesNotContain("Draft", published);
        Assert.Equal(0, await lead.Locator($"a[href='{editUrl}']").CountAsync());
        Assert.Equal(0, await lead.Locator("text=Change the blueprint").CountAsync());
        Assert.Equal(409, (await lead.GotoAsync(editUrl))!.Status);

        // A learner finds it by care setting and project type with the filter form.
        var learner = await fixture.SignedInPageAsync(learnerEmail);
        await learner.GotoAsync("/exemplars/blueprints");
        var results = learner.Locator("li.app-blueprint h3 a");
        Assert.Equal(new[] { "An EPR for a mental health trust", title }, (await TextsAsync(results)).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "Any care setting", "Acute", "Mental health" }, await TextsAsync(learner.Locator("#CareSetting option")));
        await learner.SelectOptionAsync("#CareSetting", "Acute");
        await learner.SelectOptionAsync("#ProjectType", "EPR implementation");
        await learner.ClickAsync("form[role=search] button:has-text('Filter')");
        await learner.WaitForURLAsync(url => url.Contains("CareSetting=Acute", StringComparison.Ordinal));
        Assert.Contains("ProjectType=EPR+implementation", learner.Url);
        Assert.Equal("Acute", await learner.InputValueAsync("#CareSetting"));
        Assert.Equal("EPR implementation", await learner.InputValueAsync("#ProjectType"));
        Assert.Equal("1 blueprint", (await learner.InnerTextAsync("main h2.nhsuk-heading-m")).Trim());
        Assert.Equal(new[] { title }, await TextsAsync(results));
        Assert.Equal(0, await learner.Locator($"a[href='/exemplars/blueprints/{mentalHealth}']").CountAsync());
        var result = await learner.Locator("li.app-blueprint").InnerTextAsync();
        Assert.Contains($"Electronic patient record (EPR), by {TrustName}. 3 lessons.", result);
        Assert.Matches(@"Care setting\s+Acute", result);
        Assert.Equal(1, await learner.Locator("a:has-text('Clear the filters')").CountAsync());
        await ScannedAsync(learner);

        // The learner opens it and reads the lessons in the lead's order, each linked.
        await results.ClickAsync();
        await learner.WaitForURLAsync(new Regex($@"/exemplars/blueprints/{id}$"));
        var steps = learner.Locator("li.app-blueprint-lesson h3 a");
        Assert.Equal(new[] { "Bedside barcode scanning", "Choosing an EPR supplier", "Floor-walkers for go-live week" }, await TextsAsync(steps));
        Assert.Equal(new[] { $"/exemplars/lessons/{scanning}", $"/exemplars/lessons/{supplier}", $"/exemplars/lessons/{floorWalkers}" },
            await HrefsAsync(steps));
        Assert.Equal(new[] { "Lesson 1. Bedside barcode scanning", "Lesson 2. Choosing an EPR supplier", "Lesson 3. Floor-walkers for go-live week" },
            await SpokenAsync(learner.Locator("li.app-blueprint-lesson h3")));
        Assert.Equal(new[] { TrustName, TrustName, OtherTrustName }, await TextsAsync(learner.Locator("li.app-blueprint-lesson p.nhsuk-body-s")));
        Assert.Equal(0, await learner.Locator("text=Change the blueprint").CountAsync());

        // And follows the second lesson to its page.
        await steps.Nth(1).ClickAsync();
        await learner.WaitForURLAsync(new Regex($@"/exemplars/lessons/{supplier}$"));
        Assert.Equal("Choosing an EPR supplier", (await learner.InnerTextAsync("h1")).Trim());
        Assert.Contains(TrustName, await learner.InnerTextAsync(".nhsuk-caption-l"));
        Assert.Contains("Choosing an EPR supplier: how a 900-bed acute trust went about it.", await learner.InnerTextAsync("main"));
        Assert.Equal(0, await learner.Locator("button:has-text('Publish the lesson')").CountAsync());
        await ScannedAsync(learner);
    }
}
