using System.Net;
using System.Text.RegularExpressions;
using Academy.Exemplars.Tests.Support;

namespace Academy.Exemplars.Tests.Lessons;

public sealed class LessonTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string TrustA = "RM3";
    private const string TrustB = "RBL";

    internal static Dictionary<string, string> Fields(string title, string happened, string tags = "go-live, training") => new()
    {
        ["Title"] = title, ["CapabilityArea"] = "MedicinesAndEPrescribing", ["Context"] = "A 900-bed acute trust moving from paper drug charts.",
        ["WhatHappened"] = happened, ["WhatToRepeat"] = "Floor-walkers on every ward for two weeks.", ["WhatToDoDifferently"] = "Start pharmacist training earlier.",
        ["Tags"] = tags, ["MilestoneId"] = "",
    };

    private static async Task<int> DraftAsync(HttpClient lead, Dictionary<string, string> fields)
    {
        var response = await Forms.PostAsync(lead, "/exemplars/lessons/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(Regex.Match(response.Headers.Location!.OriginalString, @"(\d+)$").Value);
    }

    private static async Task PublishAsync(HttpClient lead, int id) =>
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(lead, $"/exemplars/lessons/{id}?handler=Publish", [], $"/exemplars/lessons/{id}")).StatusCode);

    [Fact]
    public async Task Search_AfterPublishing_FindsTheLessonForAnyStaffMemberWithTheMatchHighlighted()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var learner = await site.SignInAsNewUserAsync(Arrange.NewEmail("learner"), [Roles.Learner]);
        var id = await DraftAsync(lead, Fields("Closed-loop medicines administration", "Barcode scanning at the bedside cut wrong-patient errors."));
        await PublishAsync(lead, id);

        var html = await learner.GetStringAsync("/exemplars/lessons?q=barcode");

        Assert.Contains($"href=\"/exemplars/lessons/{id}\"", html);
        Assert.Contains("<mark>Barcode</mark> scanning", html);
        Assert.Contains("Medicines and e-prescribing (", html);
        Assert.Contains("Salford Royal", Html.Text(html) + "");
        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync($"/exemplars/lessons/{id}")).StatusCode);
    }

    [Fact]
    public async Task Search_ByTagFacet_ShowsOnlyLessonsWithThatTag()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var tagged = await DraftAsync(lead, Fields("Supplier contract lesson", "The zebrafinch clause mattered.", tags: "contracts"));
        var other = await DraftAsync(lead, Fields("Another lesson", "The zebrafinch clause did not matter.", tags: "training"));
        await PublishAsync(lead, tagged);
        await PublishAsync(lead, other);

        var html = await lead.GetStringAsync("/exemplars/lessons?q=zebrafinch&tag=contracts");

        Assert.Contains($"/exemplars/lessons/{tagged}\"", html);
        Assert.DoesNotContain($"/exemplars/lessons/{other}\"", html);
        Assert.Contains("1 lesson", Html.Text(html));
    }

    [Fact]
    public async Task Draft_IsHiddenFromOthersAndFromSearch()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var otherLead = await Arrange.LeadAsync(site, TrustB);
        var id = await DraftAsync(lead, Fields("Unpublished quokka lesson", "A quokka appeared."));

        Assert.Equal(HttpStatusCode.NotFound, (await otherLead.GetAsync($"/exemplars/lessons/{id}")).StatusCode);
        Assert.DoesNotContain($"/exemplars/lessons/{id}\"", await otherLead.GetStringAsync("/exemplars/lessons?q=quokka"));
        var publish = await Forms.PostAsync(otherLead, $"/exemplars/lessons/{id}?handler=Publish", [], "/exemplars/lessons");
        Assert.Equal(HttpStatusCode.NotFound, publish.StatusCode);
    }

    [Fact]
    public async Task Post_NewLesson_WhenEmpty_ShowsAnErrorForEachRequiredField()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);

        var response = await Forms.PostAsync(lead, "/exemplars/lessons/new", new() { ["Title"] = "" });

        await Html.AssertHasFieldErrorAsync(response, "Title", "Enter a title");
        await Html.AssertHasFieldErrorAsync(response, "CapabilityArea", "Select a capability area");
        await Html.AssertHasFieldErrorAsync(response, "WhatHappened", "Enter what happened");
    }

    [Fact]
    public async Task Search_WithQuerySyntaxCharacters_DoesNotFail()
    {
        var learner = await site.SignInAsNewUserAsync(Arrange.NewEmail("learner"), [Roles.Learner]);

        var response = await learner.GetAsync("/exemplars/lessons?q=" + Uri.EscapeDataString("EPR (phase 2 AND \"go-live"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// One process per data folder holds the index (Lucene's lock), so this test stops the first site before starting the second.
    [Fact]
    public async Task Index_WhenMissing_IsRebuiltFromTheDatabase()
    {
        var folder = Path.Combine(Path.GetTempPath(), "academy-tests", Guid.NewGuid().ToString("N"));
        try
        {
            int id;
            await using (var first = AcademySite.Create(folder))
            {
                var lead = await Arrange.LeadAsync(first, TrustA);
                id = await DraftAsync(lead, Fields("Wombat rebuild lesson", "The wombat index was deleted."));
                await PublishAsync(lead, id);
            }
            Directory.Delete(Path.Combine(folder, "lessons-index"), recursive: true);

            await using var restarted = AcademySite.Create(folder);
            var learner = await restarted.SignInAsNewUserAsync(Arrange.NewEmail("learner"), [Roles.Learner]);
            var html = await learner.GetStringAsync("/exemplars/lessons?q=wombat");

            Assert.Contains($"/exemplars/lessons/{id}\"", html);
            Assert.True(Directory.Exists(Path.Combine(folder, "lessons-index")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
