using Academy.Learning.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Verbs = Academy.Learning.LearningActivities.Verbs;

namespace Academy.Learning.Tests.Pages;

/// Issue 9 §5: My learning shows a person's own courses in progress (with Resume), not started, due,
/// completed and expiring within 30 days, from the progress projection.
public sealed class MyLearningPageTests(LearningSite site) : IClassFixture<LearningSite>
{
    private LearningActivities A => site.Activities;

    private async Task<(string UserId, HttpClient Client)> LearnerAsync()
    {
        var email = $"learner-{Guid.NewGuid():N}@nhs.test";
        var userId = await site.CreateUserAsync(email, [Roles.Learner]);
        return (userId, await site.SignInAsync(email, "a-long-enough-password"));
    }

    [Fact]
    public async Task Get_WithNoEnrolments_SaysSoAndLinksToTheCatalogue()
    {
        var (_, client) = await LearnerAsync();

        var html = await client.GetStringAsync("/learning");

        Assert.Contains("You have not started any courses yet.", Html.Text(html));
        Assert.Contains("href=\"/learning/courses\"", html);
        Assert.DoesNotContain("id=\"in-progress\"", html);
    }

    [Fact]
    public async Task Get_WithCoursesInEveryState_GroupsThemWithResumeDueDatesAndExpiry()
    {
        var (userId, client) = await LearnerAsync();
        var started = await site.CourseAsync("Started course", 12, "page:first", "page:second");
        var notStarted = await site.CourseAsync("Untouched course", 12, "page:only");
        var expiring = await site.CourseAsync("Expiring course", 1, "page:only");
        var done = await site.CourseAsync("Finished course", 0, "page:only");
        var startedEnrolment = await site.EnrolAsync(userId, started, dueOn: new DateOnly(2020, 1, 31));
        await site.EnrolAsync(userId, notStarted, dueOn: new DateOnly(2099, 3, 1));
        var expiringEnrolment = await site.EnrolAsync(userId, expiring);
        var doneEnrolment = await site.EnrolAsync(userId, done);
        var finishedLongAgo = Statement.Lesson(A, expiringEnrolment, expiring, "only", Verbs.Experienced);
        // Completed 1 month ago less a few days: the 1-month validity runs out within 30 days.
        finishedLongAgo["timestamp"] = DateTimeOffset.UtcNow.AddMonths(-1).AddDays(5).ToString("O");
        await site.PostAsync(
            Statement.Lesson(A, startedEnrolment, started, "first", Verbs.Experienced),
            finishedLongAgo,
            Statement.Lesson(A, doneEnrolment, done, "only", Verbs.Experienced));
        await site.WaitForProjectionAsync();

        var html = await client.GetStringAsync("/learning");

        // As a person reads it at a desktop width (Html.Text leaves out the labels responsive tables repeat for phones).
        var text = Html.Text(html);
        Assert.Matches("In progress Courses you have started Course Status Lessons done Due Last activity Action Started course In progress 1 of 2 31 January 2020 Overdue", text);
        Assert.Contains($"href=\"/learning/courses/{started.Slug}/resume\">Resume", html);
        Assert.Contains($"href=\"/learning/courses/{notStarted.Slug}/lessons/only\">Start", html);
        Assert.Contains("href=\"/learning/certificates\">View and download your certificates", html);
        Assert.Matches("Not started .* Untouched course 1 1 March 2099", text);
        Assert.Matches("Expiring within 30 days .* Expiring course Completed [0-9]+ [A-Za-z]+ [0-9]{4} [0-9]+ [A-Za-z]+ [0-9]{4}", text);
        Assert.Matches("Completed View and download your certificates Courses you have completed Course Result .* Finished course Completed .* Does not expire", text);
    }

    [Fact]
    public async Task Get_ShowsOnlyTheSignedInPersonsOwnCourses()
    {
        var (_, client) = await LearnerAsync();
        var (otherId, _) = await LearnerAsync();
        var course = await site.CourseAsync("Someone else's course", 12, "page:only");
        await site.EnrolAsync(otherId, course);

        var html = await client.GetStringAsync("/learning");

        Assert.DoesNotContain("Someone else", html);
        Assert.Contains("You have not started any courses yet.", Html.Text(html));
    }
}
