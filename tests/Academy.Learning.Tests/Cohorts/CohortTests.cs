using System.Net;
using Academy.Learning.Cohorts;
using Academy.Learning.Courses;
using Academy.Learning.Enrolments;
using Academy.Learning.Progress;
using Academy.Learning.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verbs = Academy.Learning.LearningActivities.Verbs;

namespace Academy.Learning.Tests.Cohorts;

/// Issue 11 §1, §2, §4, §5, §7, §8: cohorts through the real pages, each test with a trust of its own.
public sealed class CohortTests(LearningSite site) : IClassFixture<LearningSite>
{
    private const string Password = "a-long-enough-password";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static string NewTrust() => "T" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    private async Task<(HttpClient Client, string UserId, string Email)> PersonAsync(string trust, string role, string? name = null)
    {
        var email = Arrange.NewEmail(role.ToLowerInvariant());
        var id = await site.CreateUserAsync(email, [role], trust, name: name);
        return (await site.SignInAsync(email, Password), id, email);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields, string? pageUrl = null) =>
        Forms.PostAsync(client, url, fields, pageUrl ?? url.Split('?')[0]);

    private static async Task<int> CreateCohortAsync(HttpClient ccio, string name)
    {
        var response = await PostAsync(ccio, "/learning/cohorts/new", new() { ["Name"] = name });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[3]);
    }

    private static async Task AddCourseAsync(HttpClient ccio, int cohort, Course course, string kind, string value)
    {
        var fields = new Dictionary<string, string> { ["CourseId"] = course.Id.ToString(), ["DueKind"] = kind };
        if (kind == "date")
        {
            var date = DateOnly.Parse(value);
            (fields["DueDate.Day"], fields["DueDate.Month"], fields["DueDate.Year"]) = (date.Day.ToString(), date.Month.ToString(), date.Year.ToString());
        }
        else fields["DueDays"] = value;
        var response = await PostAsync(ccio, $"/learning/cohorts/{cohort}/manage?handler=AddCourse", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task AddPersonAsync(HttpClient ccio, int cohort, string email)
    {
        var response = await PostAsync(ccio, $"/learning/cohorts/{cohort}/manage?handler=AddPerson", new() { ["Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private Task<List<Enrolment>> LiveEnrolmentsAsync(string userId) =>
        site.DbAsync(db => db.Enrolments.AsNoTracking().Where(e => e.UserId == userId && e.EndedAt == null).ToListAsync());

    [Fact]
    public async Task Post_AddPersonAndCourses_EnrolsEveryMemberOnEveryCourseWithItsDueDate()
    {
        var trust = NewTrust();
        var (ccio, _, _) = await PersonAsync(trust, Roles.Ccio);
        var (_, firstId, firstEmail) = await PersonAsync(trust, Roles.Learner);
        var (_, laterId, laterEmail) = await PersonAsync(trust, Roles.Learner);
        var fixedCourse = await site.CourseAsync("Fixed date course", 12, "page:only");
        var relativeCourse = await site.CourseAsync("Relative date course", 12, "page:only");
        var cohort = await CreateCohortAsync(ccio, "Ward 7 nurses");
        var due = Today.AddDays(40);

        await AddCourseAsync(ccio, cohort, fixedCourse, "date", due.ToString("yyyy-MM-dd"));
        await AddPersonAsync(ccio, cohort, firstEmail);
        await AddCourseAsync(ccio, cohort, relativeCourse, "days", "14");
        await AddPersonAsync(ccio, cohort, laterEmail.ToUpperInvariant());

        foreach (var userId in new[] { firstId, laterId })
        {
            var enrolments = (await LiveEnrolmentsAsync(userId)).ToDictionary(e => e.CourseId);
            Assert.Equal(2, enrolments.Count);
            Assert.Equal(due, enrolments[fixedCourse.Id].DueOn);
            Assert.Equal(Today.AddDays(14), enrolments[relativeCourse.Id].DueOn);
            Assert.All(enrolments.Values, e => Assert.Equal(EnrolmentSource.Cohort, e.Source));
        }
        var page = Html.Text(await ccio.GetStringAsync($"/learning/cohorts/{cohort}"));
        Assert.Matches("Fixed date course .* 2 .*Relative date course 14 days after joining 2", page);
    }

    [Fact]
    public async Task Post_RemovePerson_EndsOnlyWhatOnlyTheCohortGaveAndKeepsCompletions()
    {
        var trust = NewTrust();
        var (ccio, _, _) = await PersonAsync(trust, Roles.Ccio);
        var (_, userId, email) = await PersonAsync(trust, Roles.Learner);
        var onlyCohort = await site.CourseAsync("Only the cohort", 12, "page:only");
        var alsoSelf = await site.CourseAsync("Also self-enrolled", 12, "page:only");
        var completed = await site.CourseAsync("Completed already", 12, "page:only");
        var inTwo = await site.CourseAsync("In two cohorts", 12, "page:only");
        var cohort = await CreateCohortAsync(ccio, "Leaving cohort");
        var other = await CreateCohortAsync(ccio, "Staying cohort");
        foreach (var course in new[] { onlyCohort, alsoSelf, completed, inTwo }) await AddCourseAsync(ccio, cohort, course, "days", "30");
        await AddCourseAsync(ccio, other, inTwo, "days", "60");
        await Arrange.EnrolAsync(site, alsoSelf.Slug, userId);
        await AddPersonAsync(ccio, cohort, email);
        await AddPersonAsync(ccio, other, email);
        var done = (await LiveEnrolmentsAsync(userId)).Single(e => e.CourseId == completed.Id);
        await site.PostAsync(Statement.Lesson(site.Activities, done, completed, "only", Verbs.Experienced));
        await site.WaitForProjectionAsync();

        var response = await PostAsync(ccio, $"/learning/cohorts/{cohort}/manage?handler=RemovePerson&userId={userId}", [], $"/learning/cohorts/{cohort}/manage");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var live = (await LiveEnrolmentsAsync(userId)).Select(e => e.CourseId).ToHashSet();
        Assert.DoesNotContain(onlyCohort.Id, live);
        Assert.Contains(alsoSelf.Id, live);
        Assert.Contains(completed.Id, live);
        Assert.Contains(inTwo.Id, live);
        Assert.True((await site.ProgressAsync(done))!.IsComplete);
        Assert.False(await site.DbAsync(db => db.CohortMembers.AnyAsync(m => m.CohortId == cohort && m.UserId == userId)));
    }

    [Fact]
    public async Task Post_RemoveCourse_EndsItsCohortOnlyEnrolments()
    {
        var trust = NewTrust();
        var (ccio, _, _) = await PersonAsync(trust, Roles.Ccio);
        var (_, userId, email) = await PersonAsync(trust, Roles.Learner);
        var course = await site.CourseAsync("Removed course", 12, "page:only");
        var cohort = await CreateCohortAsync(ccio, "Course removal");
        await AddCourseAsync(ccio, cohort, course, "days", "10");
        await AddPersonAsync(ccio, cohort, email);

        var response = await PostAsync(ccio, $"/learning/cohorts/{cohort}/manage?handler=RemoveCourse&courseId={course.Id}", [], $"/learning/cohorts/{cohort}/manage");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await LiveEnrolmentsAsync(userId));
    }

    [Fact]
    public async Task Post_AddPersonOfAnotherTrustOrUnknown_ShowsTheErrorBesideTheFieldAndAddsNobody()
    {
        var trust = NewTrust();
        var (ccio, _, _) = await PersonAsync(trust, Roles.Ccio);
        var (_, otherId, otherEmail) = await PersonAsync(NewTrust(), Roles.Learner);
        var cohort = await CreateCohortAsync(ccio, "Own staff only");

        foreach (var email in new[] { otherEmail, "nobody@nowhere.test" })
        {
            var response = await PostAsync(ccio, $"/learning/cohorts/{cohort}/manage?handler=AddPerson", new() { ["Email"] = email });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Html.AssertHasFieldErrorAsync(response, "Email", "There is no one at your trust with this email address");
        }
        Assert.False(await site.DbAsync(db => db.CohortMembers.AnyAsync(m => m.CohortId == cohort)));
        Assert.Empty(await LiveEnrolmentsAsync(otherId));
    }

    [Fact]
    public async Task Post_AddCourseWithEveryFieldWrong_ListsTheErrorsInFieldOrder()
    {
        var trust = NewTrust();
        var (ccio, _, _) = await PersonAsync(trust, Roles.Ccio);
        var cohort = await CreateCohortAsync(ccio, "Errors in order");

        var missing = await PostAsync(ccio, $"/learning/cohorts/{cohort}/manage?handler=AddCourse", new() { ["CourseId"] = "999999" });
        var badDate = await PostAsync(ccio, $"/learning/cohorts/{cohort}/manage?handler=AddCourse",
            new() { ["CourseId"] = "", ["DueKind"] = "date", ["DueDate.Day"] = "31", ["DueDate.Month"] = "2", ["DueDate.Year"] = "2030" });
        var badDays = await PostAsync(ccio, $"/learning/cohorts/{cohort}/manage?handler=AddCourse", new() { ["DueKind"] = "days", ["DueDays"] = "-3" });

        var text = Html.Text(await missing.Content.ReadAsStringAsync());
        Assert.Contains("There is a problem Select a course Select when the course is due", text);
        await Html.AssertHasFieldErrorAsync(badDate, "DueDate", "The due date must be a real date");
        Assert.Contains("There is a problem Select a course The due date must be a real date", Html.Text(await badDate.Content.ReadAsStringAsync()));
        await Html.AssertHasFieldErrorAsync(badDays, "DueDays", "Number of days must be a whole number from 1 to 3650");
        Assert.False(await site.DbAsync(db => db.CohortCourses.AnyAsync(c => c.CohortId == cohort)));
    }

    /// A browser posts every input of the form, so the date's three parts arrive blank when "days" is chosen or
    /// nothing is: the blank parts once left ModelState invalid with no error, and the page came back unchanged.
    [Fact]
    public async Task Post_AddCourseAsABrowserSendsIt_WithBlankDateParts_ShowsTheErrorsOrAddsTheCourse()
    {
        var trust = NewTrust();
        var (ccio, _, _) = await PersonAsync(trust, Roles.Ccio);
        var cohort = await CreateCohortAsync(ccio, "Blank date parts");
        var course = await site.CourseAsync("Blank parts course " + Guid.NewGuid().ToString("N")[..6], 12, "quiz:check");
        var blank = new Dictionary<string, string> { ["CourseId"] = "", ["DueDate.Day"] = "", ["DueDate.Month"] = "", ["DueDate.Year"] = "", ["DueDays"] = "" };

        var nothingChosen = await PostAsync(ccio, $"/learning/cohorts/{cohort}/manage?handler=AddCourse", blank);
        var byDays = await PostAsync(ccio, $"/learning/cohorts/{cohort}/manage?handler=AddCourse",
            new(blank) { ["CourseId"] = course.Id.ToString(), ["DueKind"] = "days", ["DueDays"] = "30" });

        Assert.Equal(HttpStatusCode.OK, nothingChosen.StatusCode);
        Assert.Contains("There is a problem Select a course Select when the course is due", Html.Text(await nothingChosen.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, byDays.StatusCode);
        Assert.Equal(30, await site.DbAsync(db => db.CohortCourses.Where(c => c.CohortId == cohort).Select(c => c.DueDaysAfterJoining).SingleAsync()));
    }

    [Fact]
    public async Task Post_NewCohortWithoutANameOrWithHiddenCharacters_ShowsTheErrorAndCreatesNothing()
    {
        var trust = NewTrust();
        var (ccio, _, _) = await PersonAsync(trust, Roles.Ccio);

        var empty = await PostAsync(ccio, "/learning/cohorts/new", new() { ["Name"] = "  " });
        var hidden = await PostAsync(ccio, "/learning/cohorts/new", new() { ["Name"] = "Ward\u0007 7" });
        await CreateCohortAsync(ccio, "Twice");
        var twice = await PostAsync(ccio, "/learning/cohorts/new", new() { ["Name"] = "Twice" });

        await Html.AssertHasFieldErrorAsync(empty, "Name", "Enter a name for the cohort");
        await Html.AssertHasFieldErrorAsync(hidden, "Name", "Remove the hidden characters (control characters or text-direction marks) from this answer");
        await Html.AssertHasFieldErrorAsync(twice, "Name", "Your trust already has a cohort with this name");
        Assert.Equal(1, await site.DbAsync(db => db.Cohorts.CountAsync(c => c.TrustOdsCode == trust)));
    }

    [Fact]
    public async Task Requests_ForAnotherTrustsCohort_AreNotFoundAndLearnersAreDenied()
    {
        var trust = NewTrust();
        var (owner, _, _) = await PersonAsync(trust, Roles.Ccio);
        var (_, memberId, memberEmail) = await PersonAsync(trust, Roles.Learner);
        var (stranger, _, _) = await PersonAsync(NewTrust(), Roles.Ccio);
        var (learner, _, _) = await PersonAsync(trust, Roles.Learner);
        var admin = await site.SignInAsAdministratorAsync();
        var course = await site.CourseAsync("Scoped course", 12, "page:only");
        var cohort = await CreateCohortAsync(owner, "Scoped cohort");
        await AddPersonAsync(owner, cohort, memberEmail);
        string[] pages = [$"/learning/cohorts/{cohort}", $"/learning/cohorts/{cohort}/manage", $"/learning/cohorts/{cohort}/learners/{memberId}",
            $"/learning/cohorts/{cohort}?handler=Csv&table=learners"];
        var token = Forms.AntiForgeryToken(await stranger.GetStringAsync("/learning/cohorts/new"))!;

        foreach (var page in pages)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(page)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(page)).StatusCode);
            var denied = await learner.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Contains("/account/access-denied", denied.Headers.Location!.OriginalString);
        }
        var changed = await stranger.PostAsync($"/learning/cohorts/{cohort}/manage?handler=AddCourse", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["CourseId"] = course.Id.ToString(), ["DueKind"] = "days", ["DueDays"] = "5", ["__RequestVerificationToken"] = token }));
        var removed = await stranger.PostAsync($"/learning/cohorts/{cohort}/manage?handler=RemovePerson&userId={memberId}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var adminChange = await Forms.PostAsync(admin, $"/learning/cohorts/{cohort}/manage?handler=AddCourse",
            new() { ["CourseId"] = course.Id.ToString(), ["DueKind"] = "days", ["DueDays"] = "5" }, "/learning/manage/courses/new");
        var withoutToken = await owner.PostAsync($"/learning/cohorts/{cohort}/manage?handler=AddCourse", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["CourseId"] = course.Id.ToString(), ["DueKind"] = "days", ["DueDays"] = "5" }));

        Assert.Equal(HttpStatusCode.NotFound, changed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, adminChange.StatusCode);
        Assert.Contains("/account/access-denied", adminChange.Headers.Location!.OriginalString);
        Assert.False(await site.DbAsync(db => db.CohortCourses.AnyAsync(c => c.CohortId == cohort)));
        Assert.True(await site.DbAsync(db => db.CohortMembers.AnyAsync(m => m.CohortId == cohort && m.UserId == memberId)));
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/learning/cohorts/{cohort}/learners/not-a-member")).StatusCode);
        Assert.DoesNotContain("Scoped cohort", await stranger.GetStringAsync("/learning/cohorts"));
    }

    [Fact]
    public async Task Get_Dashboard_ShowsEachLearnerByStandingWithTotalsFiltersChartAndTimeline()
    {
        var trust = NewTrust();
        var (ccio, _, _) = await PersonAsync(trust, Roles.Ccio);
        var (_, doneId, doneEmail) = await PersonAsync(trust, Roles.Learner, name: "Priya Shah");
        var (_, lateId, lateEmail) = await PersonAsync(trust, Roles.Learner, name: "=HYPERLINK(\"http://evil.test\")");
        var course = await site.CourseAsync("Cyber security basics", 12, "quiz:check");
        var cohort = await CreateCohortAsync(ccio, "Dashboard cohort");
        await AddCourseAsync(ccio, cohort, course, "days", "7");
        await AddPersonAsync(ccio, cohort, doneEmail);
        await AddPersonAsync(ccio, cohort, lateEmail);
        await site.DbAsync(db => db.Enrolments.Where(e => e.UserId == lateId).ExecuteUpdateAsync(s => s.SetProperty(e => e.DueOn, Today.AddDays(-2))));
        var done = (await LiveEnrolmentsAsync(doneId)).Single();
        await site.PostAsync(Statement.Quiz(site.Activities, done, course, "check", passed: true, scaled: 0.9));
        await site.WaitForProjectionAsync();

        var all = Html.Text(await ccio.GetStringAsync($"/learning/cohorts/{cohort}"));
        var overdue = Html.Text(await ccio.GetStringAsync($"/learning/cohorts/{cohort}?Status=Overdue"));
        var badFilter = await ccio.GetAsync($"/learning/cohorts/{cohort}?Status=Nonsense&DueBy.Day=40&DueBy.Month=1&DueBy.Year=2027");
        var timeline = Html.Text(await ccio.GetStringAsync($"/learning/cohorts/{cohort}/learners/{doneId}"));
        var csv = await ccio.GetStringAsync($"/learning/cohorts/{cohort}?handler=Csv&table=learners");
        var totals = await ccio.GetStringAsync($"/learning/cohorts/{cohort}?handler=Csv&table=totals");

        Assert.Contains("Cyber security basics 7 days after joining 2 0 0 1 0 0 1", all);
        Assert.Contains("Priya Shah Cyber security basics Completed 90%", all);
        Assert.Contains("Data for the chart: completions per week", all);
        Assert.Contains("<svg class=\"app-chart\" role=\"img\"", await ccio.GetStringAsync($"/learning/cohorts/{cohort}"));
        Assert.Contains("1 enrolment matches the filters", overdue);
        Assert.DoesNotContain("Priya Shah Cyber", overdue);
        Assert.Contains("Cyber security basics Overdue", overdue);
        await Html.AssertHasFieldErrorAsync(badFilter, "Status", "Select a status from the list");
        await Html.AssertHasFieldErrorAsync(badFilter, "DueBy", "Due by must be a real date, like 15 3 2027");
        Assert.Contains($"passed Lesson check, score 90%, {DateTime.UtcNow:d MMMM yyyy}", timeline);
        Assert.Contains("'=HYPERLINK", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
        Assert.DoesNotContain(",\"=HYPERLINK", csv);
        Assert.Contains("Priya Shah", csv);
        Assert.Contains("Cyber security basics,7 days after joining,2,0,0,1,0,0,1", totals);
    }

    [Fact]
    public async Task Get_MyLearningAsACcio_ShowsTheTrustsCohortsNotTheAskYourCcioEmptyState()
    {
        var trust = NewTrust();
        var (ccio, _, _) = await PersonAsync(trust, Roles.Ccio);
        await CreateCohortAsync(ccio, "Landing cohort");

        var html = await ccio.GetStringAsync("/learning");

        Assert.Contains("Your trust's cohorts", html);
        Assert.Contains("Landing cohort", html);
        Assert.DoesNotContain("your chief clinical information officer (CCIO) can enrol you", html);
    }

    [Fact]
    public async Task Post_EnrolOnePerson_EnrolsThemWithTheDueDateOrShowsErrorsInFieldOrder()
    {
        var trust = NewTrust();
        var (ccio, _, _) = await PersonAsync(trust, Roles.Ccio);
        var (_, userId, email) = await PersonAsync(trust, Roles.Learner);
        var course = await site.CourseAsync("One person's course", 12, "page:only");
        var due = Today.AddDays(20);

        var wrong = await PostAsync(ccio, "/learning/cohorts/enrol", new() { ["Email"] = "", ["CourseId"] = "x", ["DueDate.Day"] = "1", ["DueDate.Month"] = "1", ["DueDate.Year"] = "2001" });
        var right = await PostAsync(ccio, "/learning/cohorts/enrol", new()
            { ["Email"] = email, ["CourseId"] = course.Id.ToString(), ["DueDate.Day"] = due.Day.ToString(), ["DueDate.Month"] = due.Month.ToString(), ["DueDate.Year"] = due.Year.ToString() });

        Assert.Contains("There is a problem Enter an email address Select a course The due date must be today or in the future", Html.Text(await wrong.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var enrolment = (await LiveEnrolmentsAsync(userId)).Single();
        Assert.Equal((course.Id, due, EnrolmentSource.Ccio), (enrolment.CourseId, enrolment.DueOn, enrolment.Source));
    }

    [Fact]
    public async Task RunDigest_Twice_SendsEachLeadOneEmailOfWhoBecameOverdueAndWhoCompleted()
    {
        var trust = NewTrust();
        var (ccio, _, ccioEmail) = await PersonAsync(trust, Roles.Ccio);
        var (_, doneId, doneEmail) = await PersonAsync(trust, Roles.Learner, name: "Completing Learner");
        var (_, lateId, lateEmail) = await PersonAsync(trust, Roles.Learner, name: "Late Learner");
        var course = await site.CourseAsync("Digest course", 12, "page:only");
        var cohort = await CreateCohortAsync(ccio, "Digest cohort " + trust);
        await AddCourseAsync(ccio, cohort, course, "days", "7");
        await AddPersonAsync(ccio, cohort, doneEmail);
        await AddPersonAsync(ccio, cohort, lateEmail);
        await site.DbAsync(db => db.Enrolments.Where(e => e.UserId == lateId).ExecuteUpdateAsync(s => s.SetProperty(e => e.DueOn, Today.AddDays(-1))));
        var done = (await LiveEnrolmentsAsync(doneId)).Single();
        await site.PostAsync(Statement.Lesson(site.Activities, done, course, "only", Verbs.Experienced));
        await site.WaitForProjectionAsync();

        await site.WithServicesAsync(sp => sp.GetRequiredService<CohortDigestJob>().RunAsync(default));
        await site.WithServicesAsync(sp => sp.GetRequiredService<CohortDigestJob>().RunAsync(default));

        var email = await site.WaitForEmailAsync("Digest cohort " + trust);
        Assert.Contains("Became overdue:\n- Late Learner: Digest course", email.ReplaceLineEndings("\n"));
        Assert.Contains("Completed:\n- Completing Learner: Digest course", email.ReplaceLineEndings("\n"));
        var outbox = await site.WithServicesAsync(sp => sp.GetRequiredService<Academy.Notifications.Data.NotificationsDbContext>().OutboxMessages.CountAsync(m => m.To == ccioEmail));
        Assert.Equal(1, outbox);
    }
}
