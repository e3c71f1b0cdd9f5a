using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Academy.Exemplars.Data;
using Academy.Exemplars.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Tests.Blueprints;

public sealed class BlueprintTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string TrustA = "RC9";
    private const string TrustB = "RGR";

    private static Dictionary<string, string> Fields(string title, string area = "Epr", string user = "Clinicians", string setting = "Acute", string project = "EPR implementation") => new()
    {
        ["Form.Title"] = title, ["Form.CapabilityArea"] = area, ["Form.UserType"] = user, ["Form.CareSetting"] = setting, ["Form.ProjectType"] = project,
    };

    private static async Task<int> DraftAsync(HttpClient lead, Dictionary<string, string> fields)
    {
        var response = await Forms.PostAsync(lead, "/exemplars/blueprints/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(Regex.Match(response.Headers.Location!.OriginalString, @"/exemplars/blueprints/(\d+)/edit$").Groups[1].Value);
    }

    private static Task<HttpResponseMessage> PostEditAsync(HttpClient lead, int id, string handler, Dictionary<string, string> fields) =>
        Forms.PostAsync(lead, $"/exemplars/blueprints/{id}/edit?handler={handler}", fields, $"/exemplars/blueprints/{id}/edit");

    private static async Task AddAsync(HttpClient lead, int id, int lessonId) =>
        Assert.Equal(HttpStatusCode.Redirect, (await PostEditAsync(lead, id, "AddLesson", new() { ["LessonId"] = lessonId.ToString() })).StatusCode);

    private static async Task PublishAsync(HttpClient lead, int id)
    {
        var response = await PostEditAsync(lead, id, "Publish", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/exemplars/blueprints/{id}", response.Headers.Location!.OriginalString);
    }

    private Task<int> LessonAsync(string ods, CapabilityArea area = CapabilityArea.Epr, LessonStatus status = LessonStatus.Published, string? title = null) => Arrange.DbAsync(site, async db =>
    {
        var participationId = await db.Participations.Where(p => p.Trust.OdsCode == ods).Select(p => p.Id).FirstAsync();
        var lesson = new Lesson
        {
            ParticipationId = participationId, Title = title ?? "Lesson " + Guid.NewGuid().ToString("N")[..8], Context = "Moving a 700-bed trust off paper.", WhatHappened = "w",
            CapabilityArea = area, Status = status, PublishedAt = status == LessonStatus.Published ? DateTimeOffset.UtcNow : null,
        };
        db.Lessons.Add(lesson);
        await db.SaveChangesAsync();
        return lesson.Id;
    });

    private Task<List<int>> OrderAsync(int blueprintId) => Arrange.DbAsync(site, db =>
        db.BlueprintLessons.Where(l => l.BlueprintId == blueprintId).OrderBy(l => l.Order).Select(l => l.LessonId).ToListAsync());

    private Task<Blueprint> StoredAsync(int id) => Arrange.DbAsync(site, db => db.Blueprints.AsNoTracking().Include(b => b.Lessons).SingleAsync(b => b.Id == id));

    private static string Unique(string what) => $"{what} {Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task Post_NewBlueprint_SavesADraftOfTheLeadsTrustWithTheAuthorAndAnAuditTrail()
    {
        var email = Arrange.NewEmail("lead");
        var lead = await site.SignInAsNewUserAsync(email, [Roles.TrustLead], TrustA);

        var id = await DraftAsync(lead, Fields("Going live with an EPR"));

        var stored = await StoredAsync(id);
        Assert.Equal(await Arrange.ParticipationIdAsync(site, TrustA), stored.ParticipationId);
        Assert.Equal(email, stored.Author);
        Assert.False(stored.Published);
        Assert.Null(stored.PublishedAt);
        var audit = await Arrange.DbAsync(site, db => db.AuditEntries.Where(a => a.Entity == nameof(Blueprint) && a.RecordId == id.ToString()).ToListAsync());
        Assert.Contains(audit, a => a.Field == nameof(Blueprint.Title) && a.NewValue == "Going live with an EPR" && a.Actor == email && a.ParticipationId == stored.ParticipationId);
        Assert.Contains("Going live with an EPR", Html.Text(await lead.GetStringAsync($"/exemplars/blueprints/{id}")));
    }

    [Fact]
    public async Task Post_NewBlueprint_WhenEmpty_ShowsAnErrorForEachField()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);

        var response = await Forms.PostAsync(lead, "/exemplars/blueprints/new", new() { ["Form.Title"] = "" });

        await Html.AssertHasFieldErrorAsync(response, "Form_Title", "Enter a title");
        await Html.AssertHasFieldErrorAsync(response, "Form_CapabilityArea", "Select a capability area");
        await Html.AssertHasFieldErrorAsync(response, "Form_UserType", "Enter who the blueprint is for");
        await Html.AssertHasFieldErrorAsync(response, "Form_CareSetting", "Enter the care setting");
        await Html.AssertHasFieldErrorAsync(response, "Form_ProjectType", "Enter the project type");
    }

    [Fact]
    public async Task Post_Details_WhenTooLong_ShowsTheErrorsAndChangesNothing()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var id = await DraftAsync(lead, Fields("Original title"));

        var response = await Forms.PostAsync(lead, $"/exemplars/blueprints/{id}/edit", Fields(new string('t', 201), user: new string('u', 101), setting: "Community"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "Form_Title", "Title must be 200 characters or fewer");
        await Html.AssertHasFieldErrorAsync(response, "Form_UserType", "Who the blueprint is for must be 100 characters or fewer");
        var stored = await StoredAsync(id);
        Assert.Equal(("Original title", "Acute"), (stored.Title, stored.CareSetting));
    }

    [Fact]
    public async Task MoveUpAndDown_PersistTheOrder_WhichTheBlueprintPageFollows()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var (first, second, third) = (await LessonAsync(TrustA), await LessonAsync(TrustB), await LessonAsync(TrustA));
        var id = await DraftAsync(lead, Fields("Ordering"));
        foreach (var lesson in new[] { first, second, third }) await AddAsync(lead, id, lesson);
        Assert.Equal(new[] { first, second, third }, await OrderAsync(id));

        Assert.Equal(HttpStatusCode.Redirect, (await PostEditAsync(lead, id, "MoveUp", new() { ["item"] = third.ToString() })).StatusCode);
        Assert.Equal(new[] { first, third, second }, await OrderAsync(id));
        Assert.Equal(HttpStatusCode.Redirect, (await PostEditAsync(lead, id, "MoveDown", new() { ["item"] = first.ToString() })).StatusCode);
        Assert.Equal(new[] { third, first, second }, await OrderAsync(id));
        // The first cannot go higher: nothing changes.
        await PostEditAsync(lead, id, "MoveUp", new() { ["item"] = third.ToString() });
        Assert.Equal(new[] { third, first, second }, await OrderAsync(id));

        var html = await lead.GetStringAsync($"/exemplars/blueprints/{id}");
        var links = Regex.Matches(html, "href=\"/exemplars/lessons/(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(new[] { third, first, second }, links);
    }

    [Fact]
    public async Task Remove_TakesTheLessonOutAndNumbersTheRestAgain_InTheAuditTrail()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var (first, second, third) = (await LessonAsync(TrustA), await LessonAsync(TrustA), await LessonAsync(TrustA));
        var id = await DraftAsync(lead, Fields("Removing"));
        foreach (var lesson in new[] { first, second, third }) await AddAsync(lead, id, lesson);

        Assert.Equal(HttpStatusCode.Redirect, (await PostEditAsync(lead, id, "Remove", new() { ["item"] = first.ToString() })).StatusCode);

        var places = await Arrange.DbAsync(site, db => db.BlueprintLessons.Where(l => l.BlueprintId == id).OrderBy(l => l.Order).Select(l => new { l.LessonId, l.Order }).ToListAsync());
        Assert.Equal(new[] { (second, 1), (third, 2) }, places.Select(p => (p.LessonId, p.Order)));
        var participationId = await Arrange.ParticipationIdAsync(site, TrustA);
        var audit = await Arrange.DbAsync(site, db => db.AuditEntries.Where(a => a.Entity == nameof(BlueprintLesson) && a.RecordId.StartsWith(id + ",")).ToListAsync());
        Assert.Contains(audit, a => a.Action == "Added" && a.RecordId == $"{id},{third}" && a.ParticipationId == participationId);
        Assert.Contains(audit, a => a.Action == "Deleted" && a.RecordId == $"{id},{first}" && a.ParticipationId == participationId);
        Assert.Contains(audit, a => a.Action == "Modified" && a.RecordId == $"{id},{second}" && a.Field == "Order" && a.OldValue == "2" && a.NewValue == "1");
    }

    [Fact]
    public async Task AddLesson_ThatIsADraftOrOfAnotherAreaOrUnknown_IsRefusedBesideTheField()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var draft = await LessonAsync(TrustA, status: LessonStatus.Draft);
        var otherArea = await LessonAsync(TrustB, CapabilityArea.PatientAccess);
        var id = await DraftAsync(lead, Fields("Refusing"));

        foreach (var forged in new[] { draft.ToString(), otherArea.ToString(), "999999", "not a number", "" })
        {
            var response = await PostEditAsync(lead, id, "AddLesson", new() { ["LessonId"] = forged });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Html.AssertHasFieldErrorAsync(response, "LessonId", "Select a published lesson from the list");
        }
        Assert.Empty(await OrderAsync(id));
        var page = await lead.GetStringAsync($"/exemplars/blueprints/{id}/edit");
        Assert.DoesNotContain($"value=\"{draft}\"", page);
        Assert.DoesNotContain($"value=\"{otherArea}\"", page);
    }

    [Fact]
    public async Task Details_ChangingTheAreaWhileItHasLessons_IsRefused()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var id = await DraftAsync(lead, Fields("Area change"));
        await AddAsync(lead, id, await LessonAsync(TrustA));

        var response = await Forms.PostAsync(lead, $"/exemplars/blueprints/{id}/edit", Fields("Area change", area: "Interoperability"));

        await Html.AssertHasFieldErrorAsync(response, "Form_CapabilityArea", "Remove the lessons before you change the capability area");
        Assert.Equal(CapabilityArea.Epr, (await StoredAsync(id)).CapabilityArea);
    }

    [Fact]
    public async Task Publish_WhenItHasNoLessons_IsRefusedWithAnError()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var id = await DraftAsync(lead, Fields("Empty"));

        var response = await PostEditAsync(lead, id, "Publish", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "Lessons", "Add at least one lesson before you publish the blueprint");
        Assert.False((await StoredAsync(id)).Published);
    }

    [Fact]
    public async Task Publish_WhenALessonChangedAreaOrWasUnpublishedSinceItWasAdded_IsRefused()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var moved = await LessonAsync(TrustA, title: "Moved lesson");
        var withdrawn = await LessonAsync(TrustA, title: "Withdrawn lesson");
        var id = await DraftAsync(lead, Fields("Re-checked"));
        await AddAsync(lead, id, moved);
        await AddAsync(lead, id, withdrawn);
        await Arrange.DbAsync(site, async db =>
        {
            (await db.Lessons.SingleAsync(l => l.Id == moved)).CapabilityArea = CapabilityArea.PatientAccess;
            (await db.Lessons.SingleAsync(l => l.Id == withdrawn)).Status = LessonStatus.Draft;
            return await db.SaveChangesAsync();
        });

        var response = await PostEditAsync(lead, id, "Publish", []);

        await FieldErrors.AssertAsync(response, "Lessons", "Remove ‘Moved lesson’: its capability area is Patient access, not Electronic patient record (EPR)");
        Assert.Contains("Remove ‘Withdrawn lesson’: it is not published", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False((await StoredAsync(id)).Published);
    }

    [Fact]
    public async Task Publish_ShowsItToEveryoneSignedIn_AndLocksIt()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var learner = await site.SignInAsNewUserAsync(Arrange.NewEmail("learner"), [Roles.Learner]);
        var lessonId = await LessonAsync(TrustB, title: "Bedside barcode scanning");
        var title = Unique("Published blueprint");
        var id = await DraftAsync(lead, Fields(title));
        await AddAsync(lead, id, lessonId);

        await PublishAsync(lead, id);

        var stored = await StoredAsync(id);
        Assert.True(stored.Published);
        Assert.NotNull(stored.PublishedAt);
        var page = Html.Text(await learner.GetStringAsync($"/exemplars/blueprints/{id}"));
        Assert.Contains("1. Bedside barcode scanning", page);
        Assert.Contains("Published", page);
        Assert.Contains(title, await learner.GetStringAsync("/exemplars/blueprints"));
        Assert.Equal(HttpStatusCode.Conflict, (await lead.GetAsync($"/exemplars/blueprints/{id}/edit")).StatusCode);
        foreach (var handler in new[] { "", "?handler=AddLesson", "?handler=Remove", "?handler=MoveDown", "?handler=Publish" })
        {
            var token = Forms.AntiForgeryToken(await lead.GetStringAsync("/exemplars/blueprints/new"))!;
            var response = await lead.PostAsync($"/exemplars/blueprints/{id}/edit{handler}", new FormUrlEncodedContent(new Dictionary<string, string>(Fields("Changed")) { ["item"] = lessonId.ToString(), ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        }
        Assert.Equal((title, 1), ((await StoredAsync(id)).Title, (await OrderAsync(id)).Count));
    }

    [Theory]
    [InlineData("capability")]
    [InlineData("usertype")]
    [InlineData("caresetting")]
    [InlineData("projecttype")]
    public async Task Index_FilteredByAFacet_ListsOnlyTheBlueprintsWithThatValue(string facet)
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var learner = await site.SignInAsNewUserAsync(Arrange.NewEmail("learner"), [Roles.Learner]);
        async Task<(int Id, Dictionary<string, string> Fields)> PublishedAsync(CapabilityArea area)
        {
            var fields = Fields(Unique("Blueprint"), area.ToString(), Unique("User"), Unique("Setting"), Unique("Project"));
            var id = await DraftAsync(lead, fields);
            await AddAsync(lead, id, await LessonAsync(TrustA, area));
            await PublishAsync(lead, id);
            return (id, fields);
        }
        var wanted = await PublishedAsync(CapabilityArea.Interoperability);
        var other = await PublishedAsync(CapabilityArea.AnalyticsAndDecisionSupport);
        var value = facet switch
        {
            "capability" => "Interoperability",
            "usertype" => wanted.Fields["Form.UserType"],
            "caresetting" => wanted.Fields["Form.CareSetting"],
            _ => wanted.Fields["Form.ProjectType"],
        };

        var html = await learner.GetStringAsync($"/exemplars/blueprints?{facet}={Uri.EscapeDataString(value)}");
        var api = await learner.GetFromJsonAsync<JsonElement>($"/api/exemplars/blueprints?{facet}={Uri.EscapeDataString(value)}");

        Assert.Contains($"href=\"/exemplars/blueprints/{wanted.Id}\"", html);
        Assert.DoesNotContain($"href=\"/exemplars/blueprints/{other.Id}\"", html);
        // The filter offers the published blueprints' values, the chosen one selected.
        Assert.Contains($"<option selected=\"selected\" value=\"{value}\">", html);
        Assert.Contains($"value=\"{(facet == "capability" ? "AnalyticsAndDecisionSupport" : other.Fields[facet switch { "usertype" => "Form.UserType", "caresetting" => "Form.CareSetting", _ => "Form.ProjectType" }])}\"", html);
        var ids = api.EnumerateArray().Select(b => b.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(wanted.Id, ids);
        Assert.DoesNotContain(other.Id, ids);
    }

    [Fact]
    public async Task Draft_IsSeenOnlyByItsTrustsLead()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var title = Unique("Draft blueprint");
        var id = await DraftAsync(lead, Fields(title, user: Unique("Draft-only user")));
        var others = new[]
        {
            await Arrange.LeadAsync(site, TrustB), await site.SignInAsNewUserAsync(Arrange.NewEmail("learner"), [Roles.Learner], TrustA),
            await Arrange.ReviewerAsync(site), await site.SignInAsAdministratorAsync(),
        };

        var own = await lead.GetStringAsync("/exemplars/blueprints");
        Assert.Contains("Your trust's drafts", WebUtility.HtmlDecode(own));
        Assert.Contains($"href=\"/exemplars/blueprints/{id}\"", own);
        // A draft's values are not offered as filters.
        Assert.DoesNotContain("Draft-only user", own);
        foreach (var other in others)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/exemplars/blueprints/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/exemplars/blueprints/{id}")).StatusCode);
            Assert.DoesNotContain($"href=\"/exemplars/blueprints/{id}\"", await other.GetStringAsync("/exemplars/blueprints"));
        }
        var detail = await lead.GetFromJsonAsync<JsonElement>($"/api/exemplars/blueprints/{id}");
        Assert.False(detail.GetProperty("published").GetBoolean());
    }

    [Fact]
    public async Task LeadOfAnotherTrust_CannotReadOrChangeADraft_ByEditingIdsInTheUrlOrTheForm()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var otherLead = await Arrange.LeadAsync(site, TrustB);
        var (kept, offered) = (await LessonAsync(TrustA), await LessonAsync(TrustA));
        var id = await DraftAsync(lead, Fields("Trust A's draft"));
        await AddAsync(lead, id, kept);
        var own = await DraftAsync(otherLead, Fields("Trust B's draft"));

        Assert.Equal(HttpStatusCode.NotFound, (await otherLead.GetAsync($"/exemplars/blueprints/{id}/edit")).StatusCode);
        // Trust B's own form (and its token) posted to trust A's blueprint.
        foreach (var handler in new[] { "", "AddLesson", "Remove", "MoveUp", "Publish" })
        {
            var response = await Forms.PostAsync(otherLead, $"/exemplars/blueprints/{id}/edit?handler={handler}",
                new Dictionary<string, string>(Fields("Taken over")) { ["LessonId"] = offered.ToString(), ["item"] = kept.ToString() }, $"/exemplars/blueprints/{own}/edit");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        // Trust A's lesson place, named in the form of trust B's own blueprint.
        Assert.Equal(HttpStatusCode.NotFound, (await PostEditAsync(otherLead, own, "Remove", new() { ["item"] = kept.ToString() })).StatusCode);

        var stored = await StoredAsync(id);
        Assert.Equal(("Trust A's draft", false), (stored.Title, stored.Published));
        Assert.Equal(new[] { kept }, await OrderAsync(id));
    }

    [Fact]
    public async Task Post_NewBlueprint_WithAnotherTrustsParticipationId_IsRefusedAndWritesNothing()
    {
        var lead = await Arrange.LeadAsync(site, TrustB);
        var title = Unique("Forged");

        var response = await Forms.PostAsync(lead, "/exemplars/blueprints/new",
            new Dictionary<string, string>(Fields(title)) { ["ParticipationId"] = (await Arrange.ParticipationIdAsync(site, TrustA)).ToString() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await Arrange.DbAsync(site, db => db.Blueprints.AnyAsync(b => b.Title == title)));
    }

    [Fact]
    public async Task Post_NewBlueprint_WhenTheTrustIsInTwoProgrammes_AsksWhichOne()
    {
        const string trust = "RTH";
        var second = await Arrange.DbAsync(site, async db =>
        {
            var participation = new Participation
            {
                ProgrammeId = await db.Programmes.Where(p => p.Slug == "national-exemplars").Select(p => p.Id).SingleAsync(),
                TrustId = await db.Trusts.Where(t => t.OdsCode == trust).Select(t => t.Id).SingleAsync(), Allocation = 1_000_000m,
            };
            db.Participations.Add(participation);
            await db.SaveChangesAsync();
            return participation.Id;
        });
        var lead = await Arrange.LeadAsync(site, trust);
        Assert.Contains("id=\"ParticipationId\"", await lead.GetStringAsync("/exemplars/blueprints/new"));

        var unanswered = await Forms.PostAsync(lead, "/exemplars/blueprints/new", Fields("Two programmes"));
        await Html.AssertHasFieldErrorAsync(unanswered, "ParticipationId", "Select the programme the blueprint is from");

        var id = await DraftAsync(lead, new Dictionary<string, string>(Fields("Two programmes")) { ["ParticipationId"] = second.ToString() });
        Assert.Equal(second, (await StoredAsync(id)).ParticipationId);
    }

    [Fact]
    public async Task Post_WithoutAnAntiForgeryToken_IsRejectedAndWritesNothing()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var id = await DraftAsync(lead, Fields("Token"));
        await AddAsync(lead, id, await LessonAsync(TrustA));
        var title = Unique("No token");

        var created = await lead.PostAsync("/exemplars/blueprints/new", new FormUrlEncodedContent(Fields(title)));
        var published = await lead.PostAsync($"/exemplars/blueprints/{id}/edit?handler=Publish", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, published.StatusCode);
        Assert.False(await Arrange.DbAsync(site, db => db.Blueprints.AnyAsync(b => b.Title == title)));
        Assert.False((await StoredAsync(id)).Published);
    }

    /// The forms name their action (a failed post must not re-post to its own handler), which turns off the
    /// automatic token: each asks for it. Forms.PostAsync would not notice, as it takes the layout's sign-out token.
    [Fact]
    public async Task EditPage_EveryFormCarriesItsOwnAntiForgeryToken()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var id = await DraftAsync(lead, Fields("Tokens"));
        await AddAsync(lead, id, await LessonAsync(TrustA));
        await AddAsync(lead, id, await LessonAsync(TrustA));

        var html = await lead.GetStringAsync($"/exemplars/blueprints/{id}/edit");

        var forms = Regex.Matches(html, "<form[^>]*method=\"post\"[^>]*>(.*?)</form>", RegexOptions.Singleline).ToList();
        Assert.True(forms.Count >= 6, $"{forms.Count} forms");
        Assert.All(forms, form => Assert.Contains("name=\"__RequestVerificationToken\"", form.Groups[1].Value));
    }

    [Fact]
    public async Task Api_GetBlueprint_AnswersTheLessonsInOrderWithTheFacets()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var (first, second) = (await LessonAsync(TrustA, title: "Choose a supplier"), await LessonAsync(TrustB, title: "Go live"));
        var id = await DraftAsync(lead, Fields("API blueprint", user: "Chief clinical information officers", setting: "Mental health"));
        await AddAsync(lead, id, second);
        await AddAsync(lead, id, first);
        await PostEditAsync(lead, id, "MoveUp", new() { ["item"] = first.ToString() });
        await PublishAsync(lead, id);
        var learner = await site.SignInAsNewUserAsync(Arrange.NewEmail("learner"), [Roles.Learner]);

        var detail = await learner.GetFromJsonAsync<JsonElement>($"/api/exemplars/blueprints/{id}");

        Assert.Equal("Epr", detail.GetProperty("capabilityArea").GetString());
        Assert.Equal("Chief clinical information officers", detail.GetProperty("userType").GetString());
        Assert.Equal("Mental health", detail.GetProperty("careSetting").GetString());
        var lessons = detail.GetProperty("lessons").EnumerateArray().Select(l => (l.GetProperty("number").GetInt32(), l.GetProperty("title").GetString())).ToList();
        Assert.Equal(new (int, string?)[] { (1, "Choose a supplier"), (2, "Go live") }, lessons);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheBlueprintEndpoints()
    {
        var learner = await site.SignInAsNewUserAsync(Arrange.NewEmail("learner"), [Roles.Learner]);

        var document = await learner.GetFromJsonAsync<JsonElement>("/api/exemplars/openapi.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/exemplars/blueprints", paths);
        Assert.Contains("/api/exemplars/blueprints/{id}", paths);
    }
}
