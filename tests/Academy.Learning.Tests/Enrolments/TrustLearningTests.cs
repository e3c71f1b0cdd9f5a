using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Identity.Data;
using Academy.Learning.Courses;
using Academy.Learning.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verbs = Academy.Learning.LearningActivities.Verbs;

namespace Academy.Learning.Tests.Enrolments;

/// Issue 11 §7: a trust's workforce digital skills as the exemplar tracker shows them, from real enrolments and real
/// statements through the progress projection, read over HTTP from the exemplar JSON API and the trust's page.
/// Each test owns one of the recipe's exemplar trusts, so their figures never mix.
public sealed class TrustLearningTests(LearningSite site) : IClassFixture<LearningSite>
{
    private LearningActivities A => site.Activities;
    private static readonly DateOnly Yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
    private static readonly DateOnly NextMonth = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1);

    [Fact]
    public async Task GetWorkforceSkills_CountsTheTrustsStaffEnrolmentsCompletionsAndOverdue_PerPublishedCourse()
    {
        const string trust = "RM3";
        var (first, second) = (await site.CourseAsync("Cyber basics " + Guid.NewGuid().ToString("N")[..4], 12, "page:one"), await site.CourseAsync("Records " + Guid.NewGuid().ToString("N")[..4], 0, "page:one"));
        var draft = await Arrange.DraftAsync(site, Arrange.NewSlug("draft"));
        var (ana, ben, cat) = (await StaffAsync(trust), await StaffAsync(trust), await StaffAsync(trust));
        var (elsewhere, nowhere) = (await StaffAsync("RQ6"), await StaffAsync(null));

        await CompleteAsync(await site.EnrolAsync(ana, first, dueOn: NextMonth), first);      // completed, on time
        await site.EnrolAsync(ben, first, dueOn: Yesterday);                                     // overdue
        await site.EnrolAsync(ben, second);                                                      // not started, no due date
        await CompleteAsync(await site.EnrolAsync(cat, second, dueOn: Yesterday), second);     // completed late: completed, not overdue
        await EndedAsync(await site.EnrolAsync(cat, first, dueOn: Yesterday));                   // ended: not counted
        await site.DbAsync(async db => { db.Enrolments.Add(new() { CourseId = draft.Id, UserId = cat, Registration = Guid.NewGuid(), EnrolledAt = DateTimeOffset.UtcNow, DueOn = Yesterday }); return await db.SaveChangesAsync(); });
        await CompleteAsync(await site.EnrolAsync(elsewhere, first), first);                   // another trust's
        await site.EnrolAsync(nowhere, first, dueOn: Yesterday);                                 // no trust
        await site.WaitForProjectionAsync();

        var skills = await SkillsAsync(trust);

        Assert.Equal((3, 4, 2, 1), (skills.GetProperty("peopleEnrolled").GetInt32(), skills.GetProperty("enrolments").GetInt32(),
            skills.GetProperty("completed").GetInt32(), skills.GetProperty("overdue").GetInt32()));
        Assert.Equal((2, 1, 1), Course(skills, first));
        Assert.Equal((2, 1, 0), Course(skills, second));
        Assert.DoesNotContain(skills.GetProperty("courses").EnumerateArray(), c => c.GetProperty("slug").GetString() == draft.Slug);
        Assert.Contains(skills.GetProperty("courses").EnumerateArray(), c => c.GetProperty("slug").GetString() == "digital-foundations");
    }

    [Fact]
    public async Task GetWorkforceSkills_WhenACompletionIsVoided_CountsItNoLonger()
    {
        const string trust = "RBL";
        var course = await site.CourseAsync("Voided " + Guid.NewGuid().ToString("N")[..4], 12, "page:one");
        var person = await StaffAsync(trust);
        var enrolment = await site.EnrolAsync(person, course, dueOn: Yesterday);
        var completion = await CompleteAsync(enrolment, course);
        await site.WaitForProjectionAsync();
        var before = Course(await SkillsAsync(trust), course);

        await site.PostAsync(Statement.Voiding(person, completion));
        await site.WaitForProjectionAsync();

        Assert.Equal((1, 1, 0), before);
        Assert.Equal((1, 0, 1), Course(await SkillsAsync(trust), course));
    }

    [Fact]
    public async Task GetWorkforceSkills_WhenACompletionHasExpired_CountsItAsNotCompleted()
    {
        const string trust = "RC9";
        var course = await site.CourseAsync("Expiring " + Guid.NewGuid().ToString("N")[..4], 12, "page:one");
        var person = await StaffAsync(trust);
        // Completed 13 months ago (the statement's timestamp) on a course valid for 12: it needs recertification.
        var enrolment = await site.EnrolAsync(person, course);
        await site.PostAsync(WithTimestamp(Statement.OnCourse(A, person, course, Verbs.Completed, enrolment.Registration), DateTimeOffset.UtcNow.AddMonths(-13)));
        await site.WaitForProjectionAsync();

        Assert.Equal((1, 0, 0), Course(await SkillsAsync(trust), course));
    }

    [Fact]
    public async Task GetWorkforceSkills_WhenAPersonMovesTrust_CountsThemForTheNewTrustOnly()
    {
        var course = await site.CourseAsync("Moving " + Guid.NewGuid().ToString("N")[..4], 12, "page:one");
        var person = await StaffAsync("RGR");
        await CompleteAsync(await site.EnrolAsync(person, course), course);
        await site.WaitForProjectionAsync();
        var before = (Course(await SkillsAsync("RGR"), course), Course(await SkillsAsync("RTH"), course));

        await site.WithServicesAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AcademyUser>>();
            var user = (await users.FindByIdAsync(person))!;
            user.TrustOdsCode = "RTH";
            return await users.UpdateAsync(user);
        });

        Assert.Equal(((1, 1, 0), (0, 0, 0)), before);
        Assert.Equal(((0, 0, 0), (1, 1, 0)), (Course(await SkillsAsync("RGR"), course), Course(await SkillsAsync("RTH"), course)));
    }

    [Fact]
    public async Task GetWorkforceSkills_LeavesOutDisabledAccounts()
    {
        const string trust = "RBA";
        var course = await site.CourseAsync("Disabled " + Guid.NewGuid().ToString("N")[..4], 12, "page:one");
        var (staying, leaving) = (await StaffAsync(trust), await StaffAsync(trust));
        await site.EnrolAsync(staying, course, dueOn: Yesterday);
        await site.EnrolAsync(leaving, course, dueOn: Yesterday);

        await site.WithServicesAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AcademyUser>>();
            return await users.SetLockoutEndDateAsync((await users.FindByIdAsync(leaving))!, AcademyUser.DisabledUntil);
        });
        var skills = await SkillsAsync(trust);

        Assert.Equal((1, (1, 0, 1)), (skills.GetProperty("peopleEnrolled").GetInt32(), Course(skills, course)));
    }

    [Fact]
    public async Task GetTrustPage_ShowsTheWorkforceFiguresBesideTheMilestones()
    {
        const string trust = "RA7";
        var course = await site.CourseAsync("Page course " + Guid.NewGuid().ToString("N")[..4], 12, "page:one");
        var (done, late) = (await StaffAsync(trust), await StaffAsync(trust));
        await CompleteAsync(await site.EnrolAsync(done, course), course);
        await site.EnrolAsync(late, course, dueOn: Yesterday);
        await site.WaitForProjectionAsync();
        var ccio = await site.SignInAsNewUserAsync(Arrange.NewEmail("ccio"), [Roles.Ccio], trust);

        var html = await ccio.GetStringAsync($"/exemplars/trusts/{trust}");

        var text = Html.Text(html);
        Assert.Contains("People enrolled 2", text);
        Assert.Contains("Courses completed 1 of 2 (50%)", text);
        Assert.Contains("Overdue 1", text);
        Assert.Contains($"{course.Title} 2 1 1", text);
        Assert.True(text.IndexOf("Workforce digital skills", StringComparison.Ordinal) < text.IndexOf("Milestones", StringComparison.Ordinal));
    }

    private async Task<JsonElement> SkillsAsync(string trust)
    {
        reviewer ??= await site.SignInAsNewUserAsync(Arrange.NewEmail("reviewer"), [Roles.NationalReviewer]);
        return await reviewer.GetFromJsonAsync<JsonElement>($"/api/exemplars/trusts/{trust}/workforce-skills");
    }

    private HttpClient? reviewer;

    private static (int Enrolled, int Completed, int Overdue) Course(JsonElement skills, Course course)
    {
        var c = skills.GetProperty("courses").EnumerateArray().Single(c => c.GetProperty("slug").GetString() == course.Slug);
        return (c.GetProperty("enrolled").GetInt32(), c.GetProperty("completed").GetInt32(), c.GetProperty("overdue").GetInt32());
    }

    private Task<string> StaffAsync(string? trust) => site.CreateUserAsync(Arrange.NewEmail("staff"), [Roles.Learner], trust);

    /// Outside content's own completed statement for the course, with the enrolment's registration: a real statement through the LRS.
    private async Task<Guid> CompleteAsync(Academy.Learning.Enrolments.Enrolment enrolment, Course course) =>
        (await site.PostAsync(Statement.OnCourse(A, enrolment.UserId, course, Verbs.Completed, enrolment.Registration)))[0];

    private Task<int> EndedAsync(Academy.Learning.Enrolments.Enrolment enrolment) =>
        site.DbAsync(db => db.Enrolments.Where(e => e.Id == enrolment.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.EndedAt, DateTimeOffset.UtcNow)));

    private static JsonObject WithTimestamp(JsonObject statement, DateTimeOffset at)
    {
        statement["timestamp"] = at.ToString("o");
        return statement;
    }
}
