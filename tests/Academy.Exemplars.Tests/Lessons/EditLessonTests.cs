using System.Net;
using Academy.Exemplars.Data;
using Academy.Exemplars.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Tests.Lessons;

public sealed class EditLessonTests(AcademySite site) : IClassFixture<AcademySite>
{
    private const string TrustA = "RC9";
    private const string TrustB = "RA7";

    private Task<Lesson> StoredAsync(int id) => Arrange.DbAsync(site, db => db.Lessons.AsNoTracking().SingleAsync(l => l.Id == id));

    [Fact]
    public async Task Post_Edit_OfADraft_SavesItAuditsEachChangedFieldAndKeepsItOutOfSearch()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var id = await Arrange.LessonAsync(site, TrustA);
        var milestoneId = await Arrange.MilestoneAsync(site, TrustA);
        Assert.Contains($"href=\"/exemplars/lessons/{id}/edit\"", await lead.GetStringAsync($"/exemplars/lessons/{id}"));
        Assert.Contains("Paper drug charts", await lead.GetStringAsync($"/exemplars/lessons/{id}/edit"));
        var fields = LessonTests.Fields("Capybara ward rounds", "Wards went live one by one.", tags: "Go-Live, rounds");
        fields["Context"] = "A 900-bed acute trust.";
        fields["MilestoneId"] = milestoneId.ToString();

        var response = await Forms.PostAsync(lead, $"/exemplars/lessons/{id}/edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/exemplars/lessons/{id}", response.Headers.Location!.OriginalString);
        var lesson = await StoredAsync(id);
        Assert.Equal(("Capybara ward rounds", CapabilityArea.MedicinesAndEPrescribing, "go-live,rounds", milestoneId, LessonStatus.Draft),
            (lesson.Title, lesson.CapabilityArea, lesson.Tags, lesson.MilestoneId, lesson.Status));
        var audit = await Arrange.DbAsync(site, db => db.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(Lesson) && a.RecordId == id.ToString() && a.Action == "Modified").ToListAsync());
        Assert.Contains(audit, a => (a.Field, a.OldValue, a.NewValue) == ("Title", "Paper drug charts", "Capybara ward rounds"));
        Assert.Contains(audit, a => (a.Field, a.OldValue, a.NewValue) == ("Tags", "go-live", "go-live,rounds"));
        Assert.DoesNotContain(audit, a => a.Field is "Context" or "WhatHappened" or "Status");
        Assert.DoesNotContain($"/exemplars/lessons/{id}\"", await lead.GetStringAsync("/exemplars/lessons?q=capybara"));
    }

    [Fact]
    public async Task Post_Edit_WhenFieldsAreEmptyOrWrong_ShowsErrorsBesideThemAndSavesNothing()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var id = await Arrange.LessonAsync(site, TrustA);
        var fields = LessonTests.Fields("", "");
        fields["CapabilityArea"] = "NotAnArea";
        fields["Tags"] = new string('t', 501);

        var response = await Forms.PostAsync(lead, $"/exemplars/lessons/{id}/edit", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "Title", "Enter a title");
        await Html.AssertHasFieldErrorAsync(response, "CapabilityArea", "Select a capability area");
        await Html.AssertHasFieldErrorAsync(response, "WhatHappened", "Enter what happened");
        await Html.AssertHasFieldErrorAsync(response, "Tags", "Tags must be 500 characters or fewer");
        var lesson = await StoredAsync(id);
        Assert.Equal(("Paper drug charts", CapabilityArea.Epr, "go-live"), (lesson.Title, lesson.CapabilityArea, lesson.Tags));
    }

    [Fact]
    public async Task Edit_AsLeadOfAnotherTrust_IsNotFound_AndForgedFieldsReachNoOtherTrustsRecords()
    {
        var leadOfB = await Arrange.LeadAsync(site, TrustB);
        var lessonOfA = await Arrange.LessonAsync(site, TrustA);
        var milestoneOfA = await Arrange.MilestoneAsync(site, TrustA);
        var lessonOfB = await Arrange.LessonAsync(site, TrustB);
        var participationOfA = await Arrange.ParticipationIdAsync(site, TrustA);

        Assert.Equal(HttpStatusCode.NotFound, (await leadOfB.GetAsync($"/exemplars/lessons/{lessonOfA}/edit")).StatusCode);
        var byUrl = await Forms.PostAsync(leadOfB, $"/exemplars/lessons/{lessonOfA}/edit", LessonTests.Fields("Taken over", "x"), $"/exemplars/lessons/{lessonOfB}/edit");
        Assert.Equal(HttpStatusCode.NotFound, byUrl.StatusCode);

        // B's own draft, with fields the form does not have (the lesson's id, its participation) and a milestone of trust A.
        var forged = LessonTests.Fields("Forged", "x");
        forged["Id"] = lessonOfA.ToString();
        forged["ParticipationId"] = participationOfA.ToString();
        forged["MilestoneId"] = milestoneOfA.ToString();
        var withAsMilestone = await Forms.PostAsync(leadOfB, $"/exemplars/lessons/{lessonOfB}/edit", forged);
        await Html.AssertHasFieldErrorAsync(withAsMilestone, "MilestoneId", "Select a milestone from the list");
        forged["MilestoneId"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(leadOfB, $"/exemplars/lessons/{lessonOfB}/edit", forged)).StatusCode);

        var (a, b) = (await StoredAsync(lessonOfA), await StoredAsync(lessonOfB));
        Assert.Equal("Paper drug charts", a.Title);
        Assert.Equal(("Forged", await Arrange.ParticipationIdAsync(site, TrustB)), (b.Title, b.ParticipationId));
    }

    [Fact]
    public async Task Edit_OfAPublishedLesson_IsAConflictAndChangesNothing()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var id = await Arrange.LessonAsync(site, TrustA, LessonStatus.Published);

        Assert.Equal(HttpStatusCode.Conflict, (await lead.GetAsync($"/exemplars/lessons/{id}/edit")).StatusCode);
        var post = await Forms.PostAsync(lead, $"/exemplars/lessons/{id}/edit", LessonTests.Fields("Rewritten", "x"), "/exemplars/lessons/new");

        Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
        Assert.Equal("Paper drug charts", (await StoredAsync(id)).Title);
        Assert.DoesNotContain($"href=\"/exemplars/lessons/{id}/edit\"", await lead.GetStringAsync($"/exemplars/lessons/{id}"));
    }

    [Fact]
    public async Task Post_Edit_WithoutAnAntiForgeryToken_IsRefused()
    {
        var lead = await Arrange.LeadAsync(site, TrustA);
        var id = await Arrange.LessonAsync(site, TrustA);

        var response = await lead.PostAsync($"/exemplars/lessons/{id}/edit", new FormUrlEncodedContent(LessonTests.Fields("No token", "x")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Paper drug charts", (await StoredAsync(id)).Title);
    }
}
